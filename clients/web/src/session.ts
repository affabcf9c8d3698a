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

/** True when the signed-in user holds the permission (an admin holds them all): the server checks it again. */
export function may(permission: string): boolean {
  return currentUser.value?.permissions?.includes(permission) ?? false;
}

export async function signOut(): Promise<void> {
  await client.api(new Logout());
  currentUser.value = null;
}
