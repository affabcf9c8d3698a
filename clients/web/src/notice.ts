import { ref } from "vue";

/** A confirmation for the page navigated to next (a provider linked), shown there once. */
export const notice = ref("");

/** Takes the notice, so a later visit to the page does not show it again. */
export function takeNotice(): string {
  const said = notice.value;
  notice.value = "";
  return said;
}
