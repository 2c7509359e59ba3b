import { useState, type FormEvent } from "react"

export type FieldErrors<Values> = Partial<Record<keyof Values, string>>

/** What a form's check makes of its values: the request body, or the problems to show. */
export type FormCheck<Body, Values> = { body?: Body; errors: FieldErrors<Values> }

/** The keys of the values that are free text. */
type TextKey<Values> = { [K in keyof Values]-?: string extends Values[K] ? (Values[K] extends string ? K : never) : never }[keyof Values]

/**
 * Values, errors and submit handler of a drawer form. On submit the values are checked; problems
 * show under their fields, otherwise the body is confirmed (when asked), sent, and the drawer
 * closes. A refused request keeps the form open: the mutation hook shows the API's message.
 */
export function useDrawerForm<Values, Body>({
  initial,
  check,
  confirm,
  send,
  onDone,
}: {
  initial: Values | (() => Values)
  check: (values: Values) => FormCheck<Body, Values>
  confirm?: (body: Body) => Promise<boolean>
  send: (body: Body) => Promise<unknown>
  onDone: () => void
}) {
  const [values, setValues] = useState<Values>(initial)
  const [errors, setErrors] = useState<FieldErrors<Values>>({})
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }))
  /** Value, change handler and error of a free-text field, for `InputField` and `TextareaField`. */
  const textField = <K extends TextKey<Values>>(key: K) => ({
    value: values[key] as string,
    onValueChange: (value: string) => set(key, value as Values[K]),
    error: errors[key],
  })

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const { body, errors: found } = check(values)
    setErrors(found)
    if (!body) return
    if (confirm && !(await confirm(body))) return
    try {
      await send(body)
      onDone()
    } catch {
      // The hook shows the API's message in a toast; the form stays open to fix it.
    }
  }

  return { values, setValues, set, textField, errors, onSubmit }
}
