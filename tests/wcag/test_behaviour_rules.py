"""What the own browser checks found, turned into messages: without a browser."""

from __future__ import annotations

from linters.wcag.behaviour import observations


def test_a_check_that_could_not_finish_is_one_finding_to_review() -> None:
    for data in ({"timeout": 20.0}, {"error": "TypeError: x is not a function"}):
        found = list(observations(data))
        assert [(o.rule.code, o.needs_review, o.item["selector"]) for o in found] == [("A11Y133", True, "html")]
    assert "20 seconden" in next(observations({"timeout": 20.0})).message.nl


def test_each_observation_gets_its_rule_and_filled_message() -> None:
    data = {
        "refresh": [{"selector": "#m", "delay": 30, "redirect": True}],
        "spacing": [{"selector": "p", "property": "line-height", "value": "16px", "needed": 24, "fontSize": "16px"}],
        "media": [{"selector": "audio", "seconds": None}],
        "trap": [{"selector": "#a", "name": "Een"}, {"selector": "#b", "name": "Twee"}],
        "reflow": {"scrolls": True, "items": [{"selector": "div", "right": 600}]},
    }
    found = {o.rule.code: o for o in observations(data)}
    assert set(found) == {"A11Y129", "A11Y122", "A11Y130", "A11Y124", "A11Y120"}
    assert found["A11Y129"].message.nl.startswith("De pagina gaat na 30 seconden naar een ander adres")
    assert "minstens 24px bij letters van 16px" in found["A11Y122"].message.nl
    assert "steeds opnieuw" in found["A11Y130"].message.nl and "in a loop" in found["A11Y130"].message.en
    assert "'Een', 'Twee'" in found["A11Y124"].message.nl and found["A11Y124"].item["selector"] == "#a"
    assert "600 pixels" in found["A11Y120"].message.nl
    assert not list(observations({})), "a page without anything to report gives nothing"
