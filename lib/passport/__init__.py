"""The passport computations, in two parts: `public_guide` (the public guide: validity, fees, documents) and `readiness`
(the village-assisted readiness check, built on the public guide's document rules).

Callers write `from lib import passport as rules` and use both through this one name; the submodules define the
public names, re-exported here whole.
"""

from .products import *  # noqa: F403
from .public_guide import *  # noqa: F403
from .readiness import *  # noqa: F403
