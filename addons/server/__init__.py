"""Starting the Rasa server for a public deployment: `python -m addons.server run ...`
takes `rasa run`'s arguments and adds what the environment asks for (server_args.py),
with message text and slot values kept out of the logs (log_redaction.py)."""
