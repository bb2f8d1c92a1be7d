"""The recording transport: replay by whole-request key, record bodies only, report stale."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest

from summarizer.eval.recorder import Recorder, RecordingStore, ReplayMissError, recording_transport

SECRET = "sk-fake-abcdefghijklmnop1234"
MESSAGES = [{"role": "user", "content": "Say hello"}]


def _answer(request: httpx2.Request) -> httpx2.Response:
    body = json.loads(request.content)
    reply = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": body["model"],
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": json.dumps({"said": "hello"})},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    }
    headers = {"set-cookie": "session=SECRET-COOKIE", "x-request-id": "abc"}
    return httpx2.Response(200, json=reply, headers=headers)


def _client(recorder: Recorder, inner: Any = None) -> Any:
    transport = recording_transport(recorder, inner)
    return openai.OpenAI(
        api_key=SECRET,
        base_url="http://127.0.0.1:9/v1",
        max_retries=0,
        http_client=httpx2.Client(transport=transport),
    )


def _record(root: Path, case: str = "case-a", sample: int = 0) -> str:
    recorder = Recorder(RecordingStore(root), case, "record", sample)
    return _ask(_client(recorder, httpx2.MockTransport(_answer)))


def _ask(client: Any, content: str = "Say hello") -> str:
    messages = [{"role": "user", "content": content}]
    response = client.chat.completions.create(model="m", messages=messages)
    return str(response.choices[0].message.content)


def test_record_then_replay_round_trip(tmp_path: Path) -> None:
    store = RecordingStore(tmp_path)
    recorder = Recorder(store, "case-a", "record")
    recorded = _ask(_client(recorder, httpx2.MockTransport(_answer)))
    assert json.loads(recorded) == {"said": "hello"}
    files = list(tmp_path.rglob("*.json"))
    assert len(files) == 1 and files[0].parent.name == "case-a"
    text = files[0].read_text()
    assert SECRET not in text and "Bearer" not in text and "Authorization" not in text
    assert "SECRET-COOKIE" not in text and "x-request-id" not in text
    data = json.loads(text)
    assert data["responses"][0]["body"]["choices"][0]["message"]["content"] == {
        "$json": {"said": "hello"}
    }
    replayer = Recorder(RecordingStore(tmp_path), "case-a", "replay")
    assert _ask(_client(replayer)) == recorded
    assert replayer.requests == 1 and replayer.latency_s == pytest.approx(
        data["responses"][0]["latency_s"]
    )


def test_changed_request_is_a_miss_naming_case_and_command(tmp_path: Path) -> None:
    _record(tmp_path)
    replayer = Recorder(RecordingStore(tmp_path), "case-a", "replay")
    with pytest.raises(openai.APIConnectionError) as info:
        _ask(_client(replayer), "Say hello!")
    cause = info.value.__cause__
    assert isinstance(cause, ReplayMissError)
    assert "case-a" in str(cause) and "--mode record" in str(cause)
    assert replayer.misses and "\n" not in str(cause)


def test_errors_are_passed_through_but_not_recorded(tmp_path: Path) -> None:
    def fail(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(503, json={"error": {"message": "overloaded"}})

    recorder = Recorder(RecordingStore(tmp_path), "case-a", "record")
    with pytest.raises(openai.APIStatusError):
        _ask(_client(recorder, httpx2.MockTransport(fail)))
    assert not list(tmp_path.rglob("*.json"))


def test_live_writes_nothing(tmp_path: Path) -> None:
    recorder = Recorder(RecordingStore(tmp_path), "case-a", "live")
    assert json.loads(_ask(_client(recorder, httpx2.MockTransport(_answer)))) == {"said": "hello"}
    assert recorder.requests == 1 and not list(tmp_path.rglob("*"))


def test_repeats_are_samples_and_stale_files_are_found(tmp_path: Path) -> None:
    store = RecordingStore(tmp_path)
    for sample in range(2):
        _ask(_client(Recorder(store, "case-a", "record", sample), httpx2.MockTransport(_answer)))
    (path,) = tmp_path.rglob("*.json")
    assert len(json.loads(path.read_text())["responses"]) == 2
    (tmp_path / "case-a" / "old.json").write_text('{"responses": []}')
    (tmp_path / "gone-case").mkdir()
    (tmp_path / "gone-case" / "x.json").write_text('{"responses": []}')
    stale = store.stale(["case-a"], all_cases=True)
    assert sorted(p.name for p in stale) == ["old.json", "x.json"]
    assert [p.name for p in store.stale(["case-a"], all_cases=False)] == ["old.json"]


def test_a_new_record_run_replaces_old_samples(tmp_path: Path) -> None:
    for _ in range(2):
        _record(tmp_path, "c")
    (path,) = tmp_path.rglob("*.json")
    assert len(json.loads(path.read_text())["responses"]) == 1


def test_unreadable_recording_is_a_clear_error(tmp_path: Path) -> None:
    store = RecordingStore(tmp_path)
    _ask(_client(Recorder(store, "c", "record"), httpx2.MockTransport(_answer)))
    (path,) = tmp_path.rglob("*.json")
    path.write_text("{broken")
    replayer = Recorder(RecordingStore(tmp_path), "c", "replay")
    with pytest.raises(openai.APIConnectionError) as info:
        _ask(_client(replayer))
    assert "re-record" in str(info.value.__cause__)
