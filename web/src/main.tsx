import { render } from "preact";
import { App, startApp } from "./App";
import { registerServiceWorker } from "./offline/register";
import "./styles.css";

registerServiceWorker();
startApp();
const root = document.getElementById("app");
if (root) render(<App />, root);
