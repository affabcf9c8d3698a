import { useRoute, useRouter } from "vue-router";
import { loadCurrentUser } from "./session";

/** After any sign-in: who it is, then the page that asked for it, or the profile. */
export function useSignedIn() {
  const route = useRoute();
  const router = useRouter();
  return async () => {
    await loadCurrentUser();
    const redirect = typeof route.query.redirect === "string" && route.query.redirect.startsWith("/") ? route.query.redirect : "/";
    await router.push(redirect);
  };
}
