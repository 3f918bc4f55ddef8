"""Where conversations and conversation locks live, chosen by environment variables
(see settings.py and docs/deployment.md)."""
