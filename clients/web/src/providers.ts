import { onMounted, ref, type Ref } from "vue";
import { GetAuthProviders, type AuthProvider } from "@dtos";
import { anonymousClient } from "./client";

/** The OpenID Connect providers the server is configured with; none when it could not be asked. */
export async function loadAuthProviders(): Promise<AuthProvider[]> {
  const api = await anonymousClient.api(new GetAuthProviders());
  return api.succeeded ? api.response!.results : [];
}

/** The providers for a page that shows nothing of them until they have come. */
export function useAuthProviders(): Ref<AuthProvider[]> {
  const providers = ref<AuthProvider[]>([]);
  onMounted(async () => {
    providers.value = await loadAuthProviders();
  });
  return providers;
}

/** The provider's name as a page may show it: a configured one only, never text from the address bar. */
export function providerName(providers: AuthProvider[], name: unknown): string {
  const provider = providers.find((p) => p.name === name);
  return provider ? provider.displayName || provider.name : "the provider";
}
