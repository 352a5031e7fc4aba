// Publishes the shop's contact details to the storefront contact card: reads the shop's id and
// the card published now, and when the card would change writes the app-owned shop metafield
// ($app:aftercare / contact, json) with a single metafieldsSet, userErrors checked.
// extensions/aftercare-theme/blocks/contact-card.liquid renders it.
import type { AdminClient } from "../shopify.server";
import { adminQuery, assertNoUserErrors } from "../shopify/admin-graphql.server";
import { CONTACT_CARD_CURRENT_QUERY } from "../shopify/graphql/contact-card-current";
import { CONTACT_CARD_PUBLISH_MUTATION } from "../shopify/graphql/contact-card-publish";
import type { ContactCardCurrentQuery, ContactCardPublishMutation } from "../types/admin.generated";
import {
  CONTACT_CARD_METAFIELD,
  contactCardChanged,
  contactCardValue,
  parseContactCardValue,
  type ContactCardSettings,
} from "./contact-card";

/** `published: false` when the storefront already shows exactly these details (nothing was written). */
export async function publishContactCard(
  admin: Pick<AdminClient, "graphql">,
  shop: string,
  settings: ContactCardSettings,
): Promise<{ published: boolean }> {
  const { namespace, key, type } = CONTACT_CARD_METAFIELD;
  const current = await adminQuery<ContactCardCurrentQuery>(admin, CONTACT_CARD_CURRENT_QUERY, { namespace, key });
  const next = contactCardValue(settings);
  if (!contactCardChanged(parseContactCardValue(current.shop.contactCard?.jsonValue), next)) return { published: false };

  const result = await adminQuery<ContactCardPublishMutation>(admin, CONTACT_CARD_PUBLISH_MUTATION, {
    metafields: [{ ownerId: current.shop.id, namespace, key, type, value: JSON.stringify(next) }],
  });
  assertNoUserErrors("ContactCardPublish", result.metafieldsSet?.userErrors);
  if (!result.metafieldsSet?.metafields?.length) {
    throw new Error(`ContactCardPublish: Shopify saved no metafield for ${shop}`);
  }
  return { published: true };
}
