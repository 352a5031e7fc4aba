// The Function's entry point: the Shopify CLI calls the export named after each target's
// `export` in shopify.extension.toml (cart-lines-discounts-generate-run).
export { cartLinesDiscountsGenerateRun } from "./cart_lines_discounts_generate_run";
