import { ref } from "vue";
import { GetCurrentUser, Logout, User } from "@dtos";
import { client } from "./client";

/** Who is signed in: null when no one is, undefined until the server has been asked. */
export const currentUser = ref<User | null | undefined>(undefined);

export async function loadCurrentUser(): Promise<User | null> {
  const api = await client.api(new GetCurrentUser());
  currentUser.value = api.succeeded ? api.response! : null;
  return currentUser.value;
}

export async function signOut(): Promise<void> {
  await client.api(new Logout());
  currentUser.value = null;
}
