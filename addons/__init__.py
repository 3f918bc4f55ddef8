# Loaded with the model (config.yml names addons.*): patches that must hold in the
# Rasa server are applied here.
from addons import action_response_validation  # noqa: F401
