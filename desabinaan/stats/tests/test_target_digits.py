import pytest

from desabinaan.stats.selectors import TargetError, target_parse


@pytest.mark.parametrize("spec", ["kanim:²", "kanim:١٢"])
def test_a_kanim_id_in_other_digits_is_an_unknown_scope_not_a_crash(spec, db):
    with pytest.raises(TargetError):
        target_parse(spec)
