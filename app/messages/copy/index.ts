// Every language's texts, by locale. Adding a language: a file here and its code in ../locales.ts.
import type { ShopperLocale } from "../locales";
import type { LocaleCopy } from "./types";
import { de } from "./de";
import { el } from "./el";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { pl } from "./pl";
import { uk } from "./uk";

export const COPY: Record<ShopperLocale, LocaleCopy> = { en, fr, uk, el, pl, de, es };

export type { LocaleCopy, MessageCopy } from "./types";
