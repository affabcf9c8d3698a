import type { ResponseStatus } from "@dtos";

/**
 * A server error with its field names prefixed, for a form whose inputs share a name with another
 * form's on the same page ("password"): each input's id stays unique and still finds its error.
 */
export function scoped(status: ResponseStatus | undefined | null, prefix: string): ResponseStatus | undefined {
  if (!status)
    return undefined;
  return { ...status, errors: (status.errors ?? []).map((e) => ({ ...e, fieldName: prefix + e.fieldName })) } as ResponseStatus;
}
