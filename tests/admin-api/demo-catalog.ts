// The demo merchant's catalog: stationery and home goods, plus the cheap
// goodies slipped into parcels as a thank-you (pen, catalogue, stickers, tote).

import type { IdAllocator } from "./demo-ids.ts";
import { formatCents, moneyV2, SHOP_CURRENCY } from "./demo-money.ts";
import type { DemoRandom } from "./demo-random.ts";
import { DAY, iso } from "./demo-time.ts";
import type { ProductRecord, ProductVariantRecord } from "./demo-types.ts";

export const VENDOR = "Maison Lumen";
const STORE_URL = "https://aftercare-demo.myshopify.com";

type VariantSpec = { value: string | null; skuSuffix: string; eurCents: number };

type ProductSpec = {
  handle: string;
  title: string;
  productType: string;
  skuBase: string;
  description: string;
  optionName: string | null;
  variants: readonly VariantSpec[];
  tags: readonly string[];
  /** Relative chance of landing in a cart; 0 = never sold (gift only). */
  popularity: number;
  /** Made to order: usually ships later than the rest of the parcel. */
  madeToOrder?: boolean;
  /** Used as a free thank-you gift. */
  gift?: boolean;
  unlisted?: boolean;
};

const single = (skuSuffix: string, eurCents: number): VariantSpec[] => [{ value: null, skuSuffix, eurCents }];
const each = (eurCents: number, values: readonly (readonly [string, string])[]): VariantSpec[] =>
  values.map(([value, skuSuffix]) => ({ value, skuSuffix, eurCents }));

const SPECS: readonly ProductSpec[] = [
  {
    handle: "linen-notebook-a5", title: "Linen Notebook A5", productType: "Notebooks", skuBase: "ML-NB-A5",
    description: "Lay-flat A5 notebook bound in washed linen, 192 pages of 90 g ivory paper.",
    optionName: "Ruling", variants: each(1800, [["Dotted", "DOT"], ["Lined", "LIN"], ["Plain", "PLN"]]),
    tags: ["notebook", "bestseller"], popularity: 16,
  },
  {
    handle: "classic-fountain-pen", title: "Classic Fountain Pen", productType: "Pens", skuBase: "ML-FP",
    description: "Lacquered brass fountain pen with a fine steel nib and a converter.",
    optionName: "Colour", variants: each(3400, [["Black", "BLK"], ["Burgundy", "BRG"], ["Navy", "NVY"]]),
    tags: ["pen", "writing"], popularity: 8,
  },
  {
    handle: "stoneware-mug", title: "Stoneware Mug 350 ml", productType: "Tableware", skuBase: "ML-MUG",
    description: "Hand-glazed stoneware mug thrown in a small workshop near Lyon.",
    optionName: "Colour", variants: each(1650, [["Oat", "OAT"], ["Charcoal", "CHR"], ["Sea Green", "SEA"]]),
    tags: ["ceramics", "fragile"], popularity: 12,
  },
  {
    handle: "undated-weekly-planner", title: "Undated Weekly Planner", productType: "Planners", skuBase: "ML-PLN",
    description: "Undated week-on-two-pages planner with a cloth cover and two ribbons.",
    optionName: "Cover", variants: each(2400, [["Terracotta", "TER"], ["Sage", "SAG"]]),
    tags: ["planner"], popularity: 10,
  },
  {
    handle: "beeswax-candle", title: "Beeswax Candle", productType: "Candles", skuBase: "ML-CND",
    description: "Pure beeswax pillar candle, cotton wick, unscented.",
    optionName: "Size", variants: [{ value: "Small", skuSuffix: "S", eurCents: 1400 }, { value: "Large", skuSuffix: "L", eurCents: 2200 }],
    tags: ["home", "candle"], popularity: 9,
  },
  {
    handle: "washi-tape-set", title: "Washi Tape Set", productType: "Stationery", skuBase: "ML-WSH",
    description: "Japanese washi tapes in muted botanical prints.",
    optionName: "Pack", variants: [{ value: "3 rolls", skuSuffix: "3", eurCents: 950 }, { value: "6 rolls", skuSuffix: "6", eurCents: 1600 }],
    tags: ["stationery"], popularity: 11,
  },
  {
    handle: "letterpress-greeting-cards", title: "Letterpress Greeting Cards (6)", productType: "Cards", skuBase: "ML-CRD",
    description: "Six blank letterpress cards on cotton paper with kraft envelopes.",
    optionName: "Design", variants: each(1200, [["Botanical", "BOT"], ["Geometric", "GEO"]]),
    tags: ["cards", "stationery"], popularity: 10,
  },
  {
    handle: "ceramic-pen-tray", title: "Ceramic Pen Tray", productType: "Desk", skuBase: "ML-TRY",
    description: "Speckled ceramic tray for pens, clips and keys.",
    optionName: null, variants: single("STD", 1900), tags: ["desk", "ceramics", "fragile"], popularity: 5,
  },
  {
    handle: "waffle-kitchen-towel", title: "Waffle Kitchen Towel", productType: "Home Textiles", skuBase: "ML-TWL",
    description: "Absorbent cotton waffle towel, 50 × 70 cm.",
    optionName: "Colour", variants: each(1100, [["Natural", "NAT"], ["Terracotta", "TER"]]),
    tags: ["home", "kitchen"], popularity: 7,
  },
  {
    handle: "oak-desk-organizer", title: "Oak Desk Organizer", productType: "Desk", skuBase: "ML-ORG",
    description: "Solid oak organizer with three compartments, made to order by a local joiner.",
    optionName: null, variants: single("OAK", 3900), tags: ["desk", "made-to-order"], popularity: 4, madeToOrder: true,
  },
  {
    handle: "linen-cushion-cover", title: "Linen Cushion Cover 45 × 45", productType: "Home Textiles", skuBase: "ML-CSH",
    description: "Stonewashed linen cushion cover with a hidden zip.",
    optionName: "Colour", variants: each(2900, [["Flax", "FLX"], ["Rust", "RST"], ["Ink", "INK"]]),
    tags: ["home", "linen"], popularity: 6,
  },
  {
    handle: "recycled-envelopes", title: "Recycled Paper Envelopes (25)", productType: "Stationery", skuBase: "ML-ENV",
    description: "Twenty-five envelopes of recycled paper.",
    optionName: "Size", variants: [{ value: "C6", skuSuffix: "C6", eurCents: 750 }, { value: "DL", skuSuffix: "DL", eurCents: 850 }],
    tags: ["stationery"], popularity: 6,
  },
  {
    handle: "thank-you-ballpoint-pen", title: "Thank-you Ballpoint Pen", productType: "Gift", skuBase: "ML-GFT-PEN",
    description: "Wooden ballpoint pen printed with the shop's logo.",
    optionName: null, variants: single("STD", 150), tags: ["gift", "thank-you"], popularity: 0, gift: true, unlisted: true,
  },
  {
    handle: "printed-catalogue", title: "Printed Catalogue", productType: "Gift", skuBase: "ML-GFT-CAT",
    description: "The season's printed catalogue.",
    optionName: null, variants: single("STD", 0), tags: ["gift", "thank-you"], popularity: 0, gift: true, unlisted: true,
  },
  {
    handle: "sticker-set", title: "Sticker Set", productType: "Stationery", skuBase: "ML-STK",
    description: "Eight matte vinyl stickers with botanical illustrations.",
    optionName: null, variants: single("SET", 350), tags: ["stationery", "gift"], popularity: 5, gift: true,
  },
  {
    handle: "canvas-tote-bag", title: "Canvas Tote Bag", productType: "Bags", skuBase: "ML-TOT",
    description: "Heavy cotton canvas tote with the Maison Lumen print.",
    optionName: null, variants: single("NAT", 800), tags: ["bag", "gift"], popularity: 4, gift: true,
  },
];

export type CatalogEntry = { product: ProductRecord; popularity: number; madeToOrder: boolean; gift: boolean };

/** EAN-13 with a French GS1 prefix and a valid check digit. */
function ean13(random: DemoRandom): string {
  const body = `376${random.digits(9)}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function buildVariant(spec: ProductSpec, v: VariantSpec, position: number, ids: IdAllocator, random: DemoRandom, createdAt: string): ProductVariantRecord {
  const { id, legacyResourceId } = ids.take("ProductVariant");
  const title = v.value ?? "Default Title";
  const inventoryQuantity = spec.madeToOrder ? random.int(0, 2) : random.int(6, 140);
  return {
    __typename: "ProductVariant",
    id,
    legacyResourceId,
    title,
    displayName: `${spec.title} - ${title}`,
    sku: `${spec.skuBase}-${v.skuSuffix}`,
    barcode: ean13(random),
    price: formatCents(v.eurCents),
    compareAtPrice: null,
    position,
    inventoryQuantity,
    inventoryPolicy: spec.madeToOrder ? "CONTINUE" : "DENY",
    availableForSale: spec.madeToOrder === true || inventoryQuantity > 0,
    taxable: true,
    selectedOptions: [{ __typename: "SelectedOption", name: spec.optionName ?? "Title", value: title }],
    createdAt,
    updatedAt: createdAt,
  };
}

function buildProduct(spec: ProductSpec, index: number, ids: IdAllocator, random: DemoRandom, now: number): ProductRecord {
  const { id, legacyResourceId } = ids.take("Product");
  const createdAt = iso(now - (420 - index * 19) * DAY);
  const variants = spec.variants.map((v, i) => buildVariant(spec, v, i + 1, ids, random, createdAt));
  const prices = spec.variants.map((v) => v.eurCents);
  const option = ids.take("ProductOption");
  return {
    __typename: "Product",
    id,
    legacyResourceId,
    title: spec.title,
    handle: spec.handle,
    vendor: VENDOR,
    productType: spec.productType,
    status: spec.unlisted ? "UNLISTED" : "ACTIVE",
    tags: [...spec.tags],
    description: spec.description,
    descriptionHtml: `<p>${spec.description}</p>`,
    isGiftCard: false,
    hasOnlyDefaultVariant: spec.optionName === null,
    tracksInventory: true,
    totalInventory: variants.reduce((sum, v) => sum + v.inventoryQuantity, 0),
    onlineStoreUrl: spec.unlisted ? null : `${STORE_URL}/products/${spec.handle}`,
    publishedAt: spec.unlisted ? null : createdAt,
    createdAt,
    updatedAt: createdAt,
    options: [{ __typename: "ProductOption", id: option.id, name: spec.optionName ?? "Title", position: 1, values: variants.map((v) => v.title) }],
    priceRangeV2: {
      minVariantPrice: moneyV2(Math.min(...prices), SHOP_CURRENCY),
      maxVariantPrice: moneyV2(Math.max(...prices), SHOP_CURRENCY),
    },
    variants,
  };
}

export function buildCatalog(random: DemoRandom, ids: IdAllocator, now: number): CatalogEntry[] {
  return SPECS.map((spec, index) => ({
    product: buildProduct(spec, index, ids, random, now),
    popularity: spec.popularity,
    madeToOrder: spec.madeToOrder === true,
    gift: spec.gift === true,
  }));
}
