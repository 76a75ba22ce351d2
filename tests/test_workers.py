"""newslens.workers: a batch parsed once, each document given the steps it still needs (and
the ones those read), in any executor."""

from __future__ import annotations

from pathlib import Path

import pytest
from newslens.corpus import Document
from newslens.result_cache import table_from_bytes
from newslens.steps import DocumentsStep, MentionsStep, QuotesStep
from newslens.workers import analyse_batch, children_ignore_interrupts, executor

# Passages written for this test.
DOCUMENTS = [
    Document(doc_id="a", text="The mayor of Lviv said the bridge would reopen in May."),
    Document(doc_id="b", text='"We will rebuild," said Mayor Ihor Terekhov of Kharkiv.'),
]
STEPS = [DocumentsStep(), MentionsStep(), QuotesStep()]
KEYS = {step.name: step.cache_key() for step in STEPS}


def test_a_batch_runs_what_each_document_needs_and_counts_its_parses(nlp, tmp_path):
    todo = [["documents"], ["quotes"]]
    pool = executor(1, None, None)
    future = pool.submit(
        analyse_batch, DOCUMENTS, todo, STEPS, KEYS, model=None, cache_dir=str(tmp_path)
    )
    first, second, counts = future.result()
    pool.shutdown()
    assert future.done() and not future.cancelled()
    assert set(first["rows"]) == {"documents"} and set(second["rows"]) == {"quotes"}
    overview = table_from_bytes(first["rows"]["documents"]).to_pandas()
    assert overview["doc_id"].tolist() == ["a"] and overview["sentences"].tolist() == [1]
    quotes = table_from_bytes(second["rows"]["quotes"]).to_pandas()
    # the quotes step read the document's mentions, computed although not asked for
    assert quotes["doc_id"].tolist() == ["b"]
    assert quotes["speaker_entity"].tolist() == ["Ihor Terekhov"]
    assert counts == {"parsed": 2, "parse_cached": 0}

    again = analyse_batch(
        DOCUMENTS, [["documents"], ["documents"]], STEPS, KEYS, model=None, cache_dir=str(tmp_path)
    )
    assert again[-1] == {"parsed": 0, "parse_cached": 2}


def test_each_document_gets_exactly_its_own_rows_of_a_batch(nlp, tmp_path):
    documents = [
        *DOCUMENTS,
        Document(doc_id="c", text="It rained."),  # no mentions, no quotes: empty tables
        Document(doc_id="d", text='"Power is back," said Olena Shuliak in Kyiv on Friday.'),
    ]
    wanted = [["documents", "mentions", "quotes"]] * len(documents)
    batch = analyse_batch(documents, wanted, STEPS, KEYS, model=None, cache_dir=str(tmp_path))
    for document, produced in zip(documents, batch, strict=False):
        for name in wanted[0]:
            rows = table_from_bytes(produced["rows"][name]).to_pandas()
            assert set(rows["doc_id"]) <= {document.doc_id}, (document.doc_id, name)
            alone = [s for s in STEPS if s.name == name][0]
            inputs = {"mentions": MentionsStep()(document, nlp(document.text))}
            expected = alone(document, nlp(document.text), inputs)
            assert len(rows) == len(expected), (document.doc_id, name)
            assert rows.astype(str).values.tolist() == expected.astype(str).values.tolist()


def _ignores_sigint(pid: int) -> bool:
    """Whether process ``pid`` ignores SIGINT, from the SigIgn mask of /proc/<pid>/status."""
    import signal

    status = Path(f"/proc/{pid}/status").read_text()
    mask = int(
        next(line for line in status.splitlines() if line.startswith("SigIgn:")).split()[1], 16
    )
    return bool(mask & (1 << (signal.SIGINT - 1)))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_children_started_in_the_block_ignore_ctrl_c_from_their_first_instruction():
    import multiprocessing
    import signal
    import time

    # As in a terminal (a test runner started in the background would begin with SIGINT
    # ignored, and so would every child).
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    spawn = multiprocessing.get_context("spawn")
    with children_ignore_interrupts():
        quiet = spawn.Process(target=time.sleep, args=(30,))
        quiet.start()
    loud = spawn.Process(target=time.sleep, args=(30,))
    loud.start()
    try:
        assert _ignores_sigint(quiet.pid)
        assert not _ignores_sigint(loud.pid)  # the same start outside the block
    finally:
        for process in (quiet, loud):
            process.kill()
            process.join()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # given back
    signal.signal(signal.SIGINT, before)


def test_a_cancelled_pool_stops_the_batches_its_workers_are_running():
    """Ctrl-C must not wait for the batches being parsed: the workers are stopped at once."""
    import multiprocessing
    import time

    # Processes an earlier test has not finished reaping yet are not this pool's.
    earlier = set(multiprocessing.active_children())
    pool = executor(2, None, None)
    running = [pool.submit(time.sleep, 600) for _ in range(2)]
    workers = [p for p in multiprocessing.active_children() if p not in earlier]
    assert len(workers) == 2 and not any(f.done() for f in running)
    pool.shutdown(cancel=True)
    # Asked of the system: the pool's own thread may reap a worker while this one looks.
    deadline = time.monotonic() + 60  # a bound far below the 600 s the tasks would take
    while not all(_stopped(worker.pid) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(_stopped(worker.pid) for worker in workers)


def _stopped(pid: int) -> bool:
    """Whether process ``pid`` has exited (gone, or a zombie its parent has not reaped)."""
    import psutil

    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True
