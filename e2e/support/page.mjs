// Helpers the browser flows share.
import assert from "node:assert/strict"

/** JSON from the admin API with the browser's session cookie. */
export async function api(page, baseUrl, pathAndQuery) {
  const res = await page.request.get(`${baseUrl}${pathAndQuery}`)
  assert.ok(res.ok(), `GET ${pathAndQuery} answered ${res.status()}: ${await res.text()}`)
  return res.json()
}

/** Scrolls a widget to the top of the view (the admin scrolls inside its own container, not the window). */
export async function reveal(locator) {
  await locator.evaluate((element) => {
    const ancestors = []
    for (let box = element.parentElement; box; box = box.parentElement) ancestors.push([box, box.scrollTop])
    const scroller = ancestors
      .map(([box]) => box)
      .find((box) => box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))
    element.scrollIntoView({ block: "start" })
    // Only the admin's scrolling container may move; scrollIntoView also shifts overflow-hidden layout boxes.
    for (const [box, top] of ancestors) if (box !== scroller) box.scrollTop = top
    window.scrollTo(0, 0)
    if (scroller) scroller.scrollTop = Math.max(0, scroller.scrollTop - 12)
  })
  await locator.page().waitForTimeout(300)
}

/** JSON from a POST to the admin API with the browser's session cookie. */
export async function post(page, baseUrl, path, body) {
  const res = await page.request.post(`${baseUrl}${path}`, { data: body })
  assert.ok(res.ok(), `POST ${path} answered ${res.status()}: ${await res.text()}`)
  return res.json()
}

/** Text the reader cannot reach: outside the viewport's width and not inside a box that scrolls sideways. */
export async function unreachableText(locator) {
  return locator.evaluate((root) => {
    const width = document.documentElement.clientWidth
    const scroller = (element) => {
      for (let box = element.parentElement; box && box !== root.parentElement; box = box.parentElement) {
        if (/auto|scroll/.test(getComputedStyle(box).overflowX)) return box
      }
      return null
    }
    return [...root.querySelectorAll("*")]
      .filter((element) => element.children.length === 0 && element.textContent.trim())
      .filter((element) => {
        const box = (scroller(element) ?? element).getBoundingClientRect()
        return box.width > 0 && (box.left < -0.5 || box.right > width + 0.5)
      })
      .map((element) => element.textContent.trim().slice(0, 60))
  })
}

/** unreachableText of something that slides in (a drawer): measured again until it has come to rest. */
export async function unreachableTextAtRest(locator, { tries = 20, pauseMs = 150 } = {}) {
  let offScreen = await unreachableText(locator)
  for (let attempt = 0; offScreen.length && attempt < tries; attempt++) {
    await locator.page().waitForTimeout(pauseMs)
    offScreen = await unreachableText(locator)
  }
  return offScreen
}

/** A day `offsetDays` from today as a date field takes it (YYYY-MM-DD, UTC). */
export const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

/** A day as the admin shows it (src/admin/lib/format.ts formatDay), from a Date or a date string. */
export const shownDay = (day) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(day))

/** Opens a select by its trigger and chooses the option with exactly this text. */
export async function pickOption(page, triggerSelector, optionText) {
  await page.locator(triggerSelector).click()
  await page.getByRole("option", { name: optionText, exact: true }).click()
}
