"""The assistant over HTTP: `rasa run --enable-api` with the trained model and
`rasa run actions`, as the Triage issue asks. A warning sign sent on the REST
channel gets the urgent advice, and `triage_level` is readable from the tracker API
(which requires the token)."""
import json
import urllib.error
import urllib.request

import pytest

from harness.processes import BIN, MODEL, free_port, running

pytestmark = pytest.mark.slow
TOKEN = "test-only-token"


def post_json(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def rasa_server(action_endpoint, artifacts, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rest")
    (folder / "endpoints.yml").write_text(f'action_endpoint:\n  url: "{action_endpoint}"\n')
    (folder / "credentials.yml").write_text("rest:\n")
    port = free_port()
    args = [str(BIN / "rasa"), "run", "--enable-api", "--auth-token", TOKEN, "--model", str(MODEL),
            "--port", str(port), "--endpoints", str(folder / "endpoints.yml"),
            "--credentials", str(folder / "credentials.yml")]
    base = f"http://127.0.0.1:{port}"
    with running(args, f"{base}/", artifacts / "rasa-rest.log", timeout=300):
        yield base


def test_warning_sign_over_rest_sets_triage_level_in_the_tracker(rasa_server):
    replies = post_json(f"{rasa_server}/webhooks/rest/webhook",
                        {"sender": "rest-patient-1", "message": "my legs feel numb and tingly since yesterday"})
    text = "\n".join(r.get("text", "") for r in replies)
    assert "contact your doctor today" in text.lower()
    assert "(555) 010-0199" in text
    tracker = get_json(f"{rasa_server}/conversations/rest-patient-1/tracker?token={TOKEN}")
    assert tracker["slots"]["triage_level"] == "urgent"
    assert tracker["slots"]["red_flags"] == ["nerve_symptoms"]


def test_tracker_api_refuses_requests_without_the_token(rasa_server):
    with pytest.raises(urllib.error.HTTPError) as refused:
        get_json(f"{rasa_server}/conversations/rest-patient-1/tracker")
    assert refused.value.code == 401
