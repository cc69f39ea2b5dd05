import { LEVEL_COLORS, type Level } from "@/lib/levels/levels";

/** A level's colour dot and its words ("Prévu T3 2027"). The colour is never the only carrier. */
export function LevelBadge({ level, text, className = "" }: { level: Level; text: string; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold ${className}`}>
      <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-full" style={{ backgroundColor: LEVEL_COLORS[level] }} />
      {text}
    </span>
  );
}
