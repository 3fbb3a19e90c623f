"""Signals that let a lower app announce what happened without importing the apps above it.

`record_written` is sent by `audit.services` for every audited write (creates, updates, deletes), after
the row is written and inside the writer's transaction: one place that sees every write path, so listeners (the
statistics' live refresh) need no call in each service. Bulk writes (imports) send `records_written` once per
model and batch instead, with every written object. Receivers must be cheap and must not write in the
sender's transaction beyond bookkeeping; real work goes after commit.
"""

from django.dispatch import Signal

# sender: the model class; instance: the written object; action: the audit action ("create", "update", "delete", …).
record_written = Signal()
# sender: the model class; instances: the objects one bulk write wrote; action: as above.
records_written = Signal()
