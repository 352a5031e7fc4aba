import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useState } from "react";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { getConfig } from "../../config.server";
import { login } from "../../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

type Errors = { shop?: string };

function describe(result: unknown): Errors {
  const errors = (result ?? {}) as { shop?: LoginErrorType };
  if (errors.shop === LoginErrorType.MissingShop) return { shop: "Enter your shop domain to log in" };
  if (errors.shop === LoginErrorType.InvalidShop) return { shop: "Enter a valid shop domain, such as my-shop.myshopify.com" };
  return {};
}

export const loader = async ({ request }: LoaderFunctionArgs) => ({
  errors: describe(await login(request)),
  apiKey: getConfig().apiKey,
});

export const action = async ({ request }: ActionFunctionArgs) => ({ errors: describe(await login(request)) });

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const errors = actionData?.errors ?? loaderData.errors;
  return (
    <AppProvider isEmbeddedApp={false} apiKey={loaderData.apiKey}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h1">Log in to Aftercare</Text>
              <TextField
                type="text"
                name="shop"
                label="Shop domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop}
              />
              <Button submit>Log in</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
