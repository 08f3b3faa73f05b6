from django.core.management.base import BaseCommand
from django.utils import timezone

from tinklas.clusters.derived import recount_members, recount_since, schedule_recount
from tinklas.common import schedule


class Command(BaseCommand):
    help = (
        "Makes sure the worker's nightly recount of member counts waits in the task queue, "
        "exactly once. Run it at every deploy, before the worker starts; running it again "
        "changes nothing. Without a queue (TASKS_IMMEDIATE=true) it recounts at once instead: "
        "then run it daily, from cron or a systemd timer."
    )

    def handle(self, *args: object, **options: object) -> None:
        if not schedule.can_wait(recount_members):
            recount_since(timezone.localdate())
            self.stdout.write("No task queue: members recounted for today.")
            return
        enqueued = schedule_recount()
        waiting = schedule.waiting_runs(recount_members).values_list("run_after", flat=True)
        run_after = timezone.localtime(waiting.first()).isoformat(timespec="minutes")
        state = "scheduled" if enqueued else "already scheduled"
        self.stdout.write(f"The nightly recount of members is {state} for {run_after}.")
