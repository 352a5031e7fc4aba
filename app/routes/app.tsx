import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { getConfig } from "../config.server";
import { authenticateAdmin } from "../shopify.server";
import { ADMIN_SECTIONS } from "../admin/sections";
import { DemoNavigation } from "../admin/demo-navigation";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, demo } = await authenticateAdmin(request);
  return { apiKey: getConfig().apiKey, demo, shop: session.shop };
};

export default function AdminLayout() {
  const { apiKey, demo, shop } = useLoaderData<typeof loader>();
  const location = useLocation();
  if (demo) {
    return (
      <AppProvider isEmbeddedApp={false} apiKey={apiKey}>
        <DemoNavigation shop={shop} pathname={location.pathname} />
        <Outlet />
      </AppProvider>
    );
  }
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey}>
      <NavMenu>
        {ADMIN_SECTIONS.map((section) => (
          <Link key={section.path} to={section.path} rel={section.path === "/app" ? "home" : undefined}>
            {section.label}
          </Link>
        ))}
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs these so that its redirects and headers survive Remix's boundaries.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
