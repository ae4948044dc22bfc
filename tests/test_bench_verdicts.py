"""A benchmark's verdict holds over every run: one that crosses its target is noisy.

The verdicts of `make bench` must not flip with the machine's load, so a figure is
judged on its slowest run as well as its fastest, and a ratio run by run against the
floor measured beside it.
"""

from bench.common import FAIL, NO_TARGET, NOISY, PASS, Figure


def test_a_ratio_is_taken_run_by_run_against_the_floor_beside_it():
    # A slow moment of the machine slows both runs of a pair alike: still met.
    figure = Figure("start", [0.12, 0.24], [0.1, 0.2], max_ratio=1.3)
    assert figure.ratios == [1.2, 1.2]
    assert figure.verdict == PASS


def test_runs_on_both_sides_of_the_target_are_noisy_and_not_met():
    figure = Figure("start", [0.12, 0.14, 0.2], [0.1, 0.1, 0.1], max_ratio=1.3)
    assert figure.verdict == NOISY
    assert not figure.passed


def test_every_run_over_the_target_fails():
    assert Figure("start", [0.2, 0.3], [0.1, 0.1], max_ratio=1.3).verdict == FAIL


def test_a_perception_budget_is_judged_on_every_run_and_shows_its_floor():
    figure = Figure("stall", [0.02, 0.15], [0.01, 0.01], max_seconds=0.1, floor_label="idle")
    assert figure.verdict == NOISY
    _name, ours, floor, _ratio, target, verdict = figure.cells()
    assert ours == "85.0 ms (20.0 ms–150.0 ms)"
    assert floor == "10.0 ms (idle)"
    assert (target, verdict) == ("< 100.0 ms", NOISY)


def test_the_worst_of_two_targets_is_the_verdict():
    figure = Figure("docx", [0.5, 0.6], [1.0, 1.0], max_ratio=1.3, max_seconds=0.55)
    assert figure.verdict == NOISY
    assert Figure("docx", [0.5], [0.1], max_ratio=1.3, max_seconds=1.0).verdict == FAIL


def test_an_exact_count_and_a_figure_without_a_target():
    assert Figure("trips", 5, max_seconds=5, unit="trips").verdict == PASS
    assert Figure("trips", 6, max_seconds=5, unit="trips").verdict == FAIL
    shown = Figure("export", [1.0, 2.0])
    assert shown.verdict == NO_TARGET and shown.passed and not shown.has_target
