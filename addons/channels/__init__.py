"""Channel connectors: Rasa 3.6's, with the gaps each has for a clinic closed.

Referenced from credentials.yml by module path; see docs/channels.md.
"""
