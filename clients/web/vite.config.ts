import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import tailwindcss from "@tailwindcss/vite";

// The host serves the build from Boilerplate.Host/account-app at /account/.
// `npm run dev` serves the sources on :5173 and passes API calls to a host on :5000.
const api = "http://localhost:5000";

export default defineConfig({
  base: "/account/",
  plugins: [vue(), tailwindcss()],
  // The DTOs the server generates (clients/dtos.ts, `make dtos`), imported as "@dtos" from any page.
  resolve: { alias: { "@dtos": decodeURIComponent(new URL("../dtos.ts", import.meta.url).pathname) } },
  build: {
    outDir: "../../Boilerplate.Host/account-app",
    emptyOutDir: true,
  },
  server: {
    proxy: Object.fromEntries(["/auth", "/user", "/access-token", "/api"].map((path) => [path, api])),
  },
});
