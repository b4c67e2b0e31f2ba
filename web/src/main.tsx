import { render } from "preact";
import { App, startApp } from "./App";
import "./styles.css";

startApp();
const root = document.getElementById("app");
if (root) render(<App />, root);
