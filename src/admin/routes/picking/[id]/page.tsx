import { ArrowLeft } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useRef, type MouseEvent } from "react"
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom"
import { PageLoadState, SectionEmpty } from "../../../components/common/states"
import { PickLineCard } from "../../../components/picking/pick-line-card"
import { PickScanBar } from "../../../components/picking/pick-scan-bar"
import { ProgressBar } from "../../../components/picking/progress-bar"
import { usePicking } from "../../../components/picking/use-picking"
import { useFinishPick, usePickSheet } from "../../../hooks/picking"
import { counted, errorMessage } from "../../../lib/format"
import { orderProgress, restOf } from "../../../lib/picking"
import { useFollowMedusaChanges } from "../../../hooks/medusa-refresh"

const WALKING_ORDER_TEXT = {
  bin_then_sku: "In walking order: by bin, then SKU",
  sku: "In walking order: by SKU",
} as const


/**
 * One order's pick at a location, for a handheld: the scan field always has focus (on open and
 * after every tap), each line shows what to take and its progress, and "Finish" creates Medusa's
 * fulfillment for what was picked with exactly the scanned lots.
 */
const PickOrderPage = () => {
  useFollowMedusaChanges()
  const { id = "" } = useParams()
  const [params] = useSearchParams()
  const locationId = params.get("location_id")
  const navigate = useNavigate()
  const prompt = usePrompt()
  const { data: sheet, isLoading, error, refetch } = usePickSheet(id, locationId)
  const picking = usePicking(id, sheet)
  const finish = useFinishPick(sheet)
  const scanRef = useRef<HTMLInputElement>(null)
  const backTo = `/picking${locationId ? `?location_id=${encodeURIComponent(locationId)}` : ""}`

  const refocus = () => scanRef.current?.focus()
  useEffect(() => {
    if (sheet) refocus()
  }, [sheet])
  // After any tap outside a text field (buttons, lines, prompts closing) the scanner types into the scan field again.
  const onAnyClick = (event: MouseEvent) => {
    const target = event.target as HTMLElement
    if (!target.closest("input, textarea")) setTimeout(refocus, 0)
  }

  if (!locationId) {
    return <PageLoadState error={new Error("Choose a location on the Picking page first.")} onRetry={() => navigate("/picking")} />
  }
  if (isLoading || error || !sheet) {
    return <PageLoadState error={error} onRetry={() => refetch()} />
  }

  const progress = orderProgress(sheet.lines, picking.picks)
  const onFinish = async () => {
    const left = progress.units - progress.picked
    if (left > 0) {
      const ship = await prompt({
        title: "Ship what is picked?",
        description: `${counted(left, "unit")} of this order stay to pick here; they stay on the order for a later pick.`,
        confirmText: "Create fulfillment",
        cancelText: "Keep picking",
        variant: "confirmation",
      })
      refocus()
      if (!ship) return
    }
    try {
      await finish.mutateAsync(picking.picks)
      picking.forgetPicks()
      toast.success(`Order #${sheet.display_id ?? sheet.order_id} fulfilled`, {
        description: `${counted(progress.picked, "unit")} at ${sheet.location.name ?? sheet.location.id}.`,
      })
      navigate(backTo)
    } catch (finishError) {
      picking.setNote({ tone: "error", text: errorMessage(finishError) })
      refocus()
    }
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="pick-order-page" onClickCapture={onAnyClick}>
      <Container className="divide-y p-0">
        <div className="flex flex-col gap-y-2 px-4 py-4 sm:px-6">
          <Link to={backTo} className="text-ui-fg-subtle hover:text-ui-fg-base flex min-h-[32px] items-center gap-x-1 self-start text-sm">
            <ArrowLeft /> Orders to pick
          </Link>
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <Heading level="h1">Order #{sheet.display_id ?? sheet.order_id}</Heading>
            <Text size="small" weight="plus" data-testid="pick-order-progress">
              {progress.picked} of {counted(progress.units, "unit")} picked
            </Text>
          </div>
          <Text size="small" className="text-ui-fg-subtle break-words">
            {[sheet.customer, sheet.location.name].filter(Boolean).join(" · ")}
          </Text>
          <ProgressBar value={progress.picked} max={progress.units} />
          <Text size="small" className="text-ui-fg-subtle" data-testid="pick-walking-order">
            {WALKING_ORDER_TEXT[sheet.walking_order]} · {progress.lines_done} of {counted(progress.lines, "line")} done
          </Text>
        </div>
        <PickScanBar
          inputRef={scanRef}
          activeLine={picking.activeLine}
          quantity={picking.nextQuantity}
          onQuantityChange={picking.setNextQuantity}
          onScan={picking.submitScan}
          isScanning={picking.isScanning}
          note={picking.note}
        />
        {sheet.lines.length ? (
          <ul className="divide-y" data-testid="pick-lines">
            {sheet.lines.map((line) => {
              const active = picking.activeLine?.line_item_id === line.line_item_id
              return (
                <PickLineCard
                  key={line.line_item_id}
                  line={line}
                  picks={picking.picks}
                  active={active}
                  plainUnits={active ? picking.nextQuantity : restOf(line, picking.picks)}
                  onSelect={() => picking.selectLine(line.line_item_id)}
                  onConfirmPlain={() => picking.confirmPlain(line)}
                  onChangePick={(pick, units) => picking.changePick(line, pick, units)}
                />
              )
            })}
          </ul>
        ) : (
          <SectionEmpty title="Nothing left to pick here">Every unit of this order at this location is fulfilled.</SectionEmpty>
        )}
        {sheet.lines.length > 0 && (
          <div className="px-4 py-4 sm:px-6">
            <Button size="large" className="h-12 w-full" disabled={progress.picked === 0} isLoading={finish.isPending} onClick={onFinish} data-testid="pick-finish">
              Finish: fulfill {counted(progress.picked, "unit")}
            </Button>
          </div>
        )}
      </Container>
    </div>
  )
}

export const handle = {
  breadcrumb: () => "Pick order",
}

export default PickOrderPage
