// Shopify's Polaris web components for checkout and customer accounts, as Preact components
// typed with just the props this block uses. At run time each is the tag name, so Preact
// renders <s-section>, <s-text> ... and the host turns them into its components.
//
// Why not the JSX types @shopify/ui-extensions ships: they are global augmentations of Preact's
// JSX, one set per surface (admin, checkout, customer accounts) under the same tag names, and
// this repository type-checks every extension in one TypeScript program, where the sets would
// override one another. tests/unit/thank-you-extension.test.ts checks these props against
// Shopify's own component types for both targets, each in a program of its own.
import type { ComponentChildren, FunctionComponent } from "preact";

type WithChildren<P> = P & { children?: ComponentChildren };

export type SectionProps = { heading: string };
export type StackProps = { gap?: "small-200" | "base" | "large"; direction?: "block" | "inline"; alignItems?: "center" };
export type HeadingProps = object;
export type ParagraphProps = object;
export type TextProps = { type?: "strong" | "small"; color?: "subdued" | "base" };
export type ClipboardItemProps = { id: string; text: string };
export type ButtonProps = { variant?: "primary" | "secondary"; command?: "--copy"; commandFor?: string };
export type ProgressProps = { value: number; max: number; accessibilityLabel: string };

const element = <P>(tag: `s-${string}`) => tag as unknown as FunctionComponent<WithChildren<P>>;

export const Section = element<SectionProps>("s-section");
export const Stack = element<StackProps>("s-stack");
export const Heading = element<HeadingProps>("s-heading");
export const Paragraph = element<ParagraphProps>("s-paragraph");
export const Text = element<TextProps>("s-text");
export const ClipboardItem = element<ClipboardItemProps>("s-clipboard-item");
export const Button = element<ButtonProps>("s-button");
export const Progress = element<ProgressProps>("s-progress");
