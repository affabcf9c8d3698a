import { createApp } from "vue";
import ServiceStackVue from "@servicestack/vue";
import App from "./App.vue";
import { router } from "./router";
import { client } from "./client";
import "./style.css";

createApp(App).use(router).use(ServiceStackVue).provide("client", client).mount("#app");
