// The forms of the Gifts & loyalty page, told apart by their `intent` field.
export const TOGGLE_RULE_INTENT = "toggle-rule";
export const SAVE_LOYALTY_INTENT = "save-loyalty";
