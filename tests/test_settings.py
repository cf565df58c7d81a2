"""Settings are declared once (chronicle/settings.py): an unknown one is an error with a
one-line message, raised before any resource loads; each stage gets only its own."""

import pytest

from chronicle.pipeline import Pipeline
from chronicle.settings import SETTINGS, SettingsError, check_settings, settings_for


def test_a_misspelt_setting_is_an_error_naming_it():
    with pytest.raises(SettingsError) as err:
        Pipeline(batchsize=8)  # batch_size, misspelt: it used to be dropped without a word
    message = str(err.value)
    assert "'batchsize'" in message and "batch_size" in message and "\n" not in message


def test_every_declared_setting_is_accepted_and_goes_to_its_owner():
    given = {name: setting.default for name, setting in SETTINGS.items()}
    check_settings(given)
    assert settings_for("events", given) == {"event_model": None, "use_model": True}
    assert settings_for("places", given) == {"places_demonyms": False}
    assert settings_for("times", given) == {}
