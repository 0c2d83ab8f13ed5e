"""The closing summary of a batch run."""

from __future__ import annotations

from dataclasses import dataclass, field

from ._worker import ChunkStats


@dataclass
class BatchSummary:
    """What a run did. ``total`` covers every chunk, resumed ones included;
    throughput counts only the records cleaned by this run."""

    total: ChunkStats = field(default_factory=ChunkStats)
    this_run_records: int = 0
    seconds: float = 0.0
    resumed_chunks: int = 0
    skipped_non_pages: int = 0
    workers: int = 1

    @property
    def docs_per_second(self) -> float:
        return self.this_run_records / self.seconds if self.seconds > 0 else 0.0

    def format(self) -> str:
        t = self.total
        lines = [
            f"records in: {t.records:,}   cleaned: {t.cleaned:,}   empty: {t.empty:,}   "
            f"failed: {t.failed:,}",
            f"throughput: {self.this_run_records:,} records in {self.seconds:.1f} s, "
            f"{self.docs_per_second:,.0f} docs/s on {self.workers} worker(s)",
        ]
        if self.resumed_chunks:
            lines.append(f"resumed: {self.resumed_chunks:,} chunk(s) were already done")
        if self.skipped_non_pages:
            lines.append(
                f"skipped: {self.skipped_non_pages:,} WARC record(s) that are not pages "
                "(request, warcinfo, metadata, revisit)"
            )
        if t.discarded:
            parts = sorted(t.discarded.items(), key=lambda kv: (-kv[1], kv[0]))
            lines.append("discarded blocks: " + ", ".join(f"{k} {n:,}" for k, n in parts))
        return "\n".join(lines)
