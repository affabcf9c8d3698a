import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { currentUser, loadCurrentUser } from "./session";

declare module "vue-router" {
  interface RouteMeta {
    title: string;
    signedIn?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  { path: "/", component: () => import("./pages/Profile.vue"), meta: { title: "Your account", signedIn: true } },
  { path: "/sign-in", component: () => import("./pages/SignIn.vue"), meta: { title: "Sign in" } },
  { path: "/sign-up", component: () => import("./pages/SignUp.vue"), meta: { title: "Create an account" } },
  { path: "/forgot-password", component: () => import("./pages/ForgotPassword.vue"), meta: { title: "Forgot your password?" } },
  { path: "/reset-password", component: () => import("./pages/ResetPassword.vue"), meta: { title: "Set a new password" } },
  { path: "/verify-email", component: () => import("./pages/VerifyEmail.vue"), meta: { title: "Verify your email" } },
  { path: "/confirm-email", component: () => import("./pages/ConfirmEmail.vue"), meta: { title: "Confirm your new email" } },
  { path: "/external", component: () => import("./pages/ExternalSignIn.vue"), meta: { title: "Signing in" } },
  { path: "/admin/users", component: () => import("./pages/AdminUsers.vue"), meta: { title: "Users", signedIn: true } },
  { path: "/:rest(.*)*", component: () => import("./pages/NotFound.vue"), meta: { title: "Page not found" } },
];

export const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });

router.beforeEach(async (to) => {
  if (!to.meta.signedIn)
    return true;
  const user = currentUser.value ?? (await loadCurrentUser());
  return user ? true : { path: "/sign-in", query: { redirect: to.fullPath } };
});

router.afterEach((to) => {
  document.title = `${to.meta.title} · Account`;
});
