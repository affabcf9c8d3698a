import { useRoute, useRouter } from "vue-router";

/**
 * The token a mail link brought, taken out of the address bar at once, so it is not kept in the
 * history or shown to someone looking over a shoulder.
 */
export function useLinkToken(): string {
  const route = useRoute();
  const token = typeof route.query.token === "string" ? route.query.token : "";
  if (token)
    void useRouter().replace({ path: route.path, query: {} });
  return token;
}
