// The tests read JSON bodies whose shape they then assert; `any` keeps those assertions short.
interface Body {
  json(): Promise<any>;
}
interface Response {
  json(): Promise<any>;
}
