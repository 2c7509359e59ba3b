import { clx } from "@medusajs/ui"

/** A thin bar filled to value / max, green once full. */
export const ProgressBar = ({ value, max, className }: { value: number; max: number; className?: string }) => {
  const share = max > 0 ? Math.min(1, value / max) : 0
  return (
    <div
      className={clx("bg-ui-bg-switch-off h-1.5 w-full overflow-hidden rounded-full", className)}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
    >
      <div
        className={clx("h-full rounded-full transition-[width]", share >= 1 ? "bg-ui-tag-green-icon" : "bg-ui-fg-interactive")}
        style={{ width: `${share * 100}%` }}
      />
    </div>
  )
}
