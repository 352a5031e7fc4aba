import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import { getConfig } from "./config.server";

export const loader = () => ({
  // The admin's Inter font comes from Shopify's CDN, which a demo on an offline machine cannot reach.
  shopifyFonts: !getConfig().demo.enabled,
});

export default function App() {
  const { shopifyFonts } = useLoaderData<typeof loader>();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {shopifyFonts && (
          <>
            <link rel="preconnect" href="https://cdn.shopify.com/" />
            <link rel="stylesheet" href="https://cdn.shopify.com/static/fonts/inter/v4/styles.css" />
          </>
        )}
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
