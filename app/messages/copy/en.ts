import type { LocaleCopy } from "./types";

export const en: LocaleCopy = {
  messages: {
    order_confirmation: {
      subject: "Thank you for your order {{orderName}}",
      preheader: "A quick check before we pack your parcel.",
      body:
        "Hello {{customerName}},\n\n" +
        "Thank you for your order {{orderName}} from {{shopName}}! Before we pack your parcel, could you take a moment to check that everything is right?\n\n" +
        "Your order: {{itemsSummary}}\n\n" +
        "Delivery address: {{shippingAddress}}\n\n" +
        "If it all looks good, just confirm your order. If the address needs changing, you can correct it on the same page.\n\n" +
        "If the button doesn’t work, open this link: {{confirmUrl}}",
      action: "Confirm my order",
    },
    dispatch_note: {
      subject: "Your order {{orderName}} is on its way",
      preheader: "Your parcel has left us. Here’s how to follow it.",
      body:
        "Hello {{customerName}},\n\n" +
        "Good news: your order {{orderName}} from {{shopName}} has left us and is on its way to you.\n\n" +
        "Your tracking number: {{trackingNumber}}\n\n" +
        "It’s travelling with {{carrier}}.\n\n" +
        "It should reach you around {{expectedDelivery}}.\n\n" +
        "You can follow your parcel with the button below. Any questions? You’ll find our contact details at the bottom of this email.\n\n" +
        "If the button doesn’t work, open this link: {{trackingUrl}}",
      action: "Track my parcel",
    },
    delay_apology: {
      subject: "Your order {{orderName}} is running late – we’re sorry",
      preheader: "Here is the new expected delivery date.",
      body:
        "Hello {{customerName}},\n\n" +
        "We’re sorry: your order {{orderName}} from {{shopName}} will reach you later than we promised.\n\n" +
        "What happened: {{delayReason}}\n\n" +
        "We now expect it to arrive around {{expectedDelivery}}.\n\n" +
        "As a small apology, we’re adding a gift to your order: {{giftDescription}}\n\n" +
        "And for your next order, here’s a discount code: {{discountCode}}\n\n" +
        "Thank you for your patience. If you have any questions, you’ll find our contact details at the bottom of this email.",
    },
    delivery_check_in: {
      subject: "Did your order {{orderName}} arrive safely?",
      preheader: "One click is all it takes to let us know.",
      body:
        "Hello {{customerName}},\n\n" +
        "Your order {{orderName}} should be with you by now. We at {{shopName}} would love to know that everything arrived in good condition.\n\n" +
        "Just tap one of the buttons below. If something isn’t right, we’ll sort it out quickly.\n\n" +
        "If the buttons don’t work, open {{arrivedWellUrl}} (all good) or {{problemUrl}} (there’s a problem).",
      action: "Yes, all good",
      secondaryAction: "There’s a problem",
    },
    review_request: {
      subject: "How are you getting on with your order {{orderName}}?",
      preheader: "Your opinion means a lot to us.",
      body:
        "Hello {{customerName}},\n\n" +
        "We hope you’re enjoying your order {{orderName}}. Do you have a minute to tell us what you think?\n\n" +
        "A few words are enough: your review helps other customers choose, and helps {{shopName}} keep getting better.\n\n" +
        "As a thank-you, here’s a discount code for your next order: {{discountCode}}\n\n" +
        "If the button doesn’t work, open this link: {{reviewUrl}}",
      action: "Write a review",
    },
    return_instructions: {
      subject: "Your return for order {{orderName}} is approved",
      preheader: "Your return label is attached to this email.",
      body:
        "Hello {{customerName}},\n\n" +
        "Your return {{returnNumber}} for order {{orderName}} has been approved. Here’s how to send your parcel back to {{shopName}}.\n\n" +
        "The return label is attached to this email. Please print it and stick it clearly on the parcel.\n\n" +
        "Pack the items carefully, ideally in their original packaging, so they reach us in good condition.\n\n" +
        "Please drop the parcel off before {{returnDeadline}}.\n\n" +
        "Return address: {{returnAddress}}\n\n" +
        "We’re sorry we got this wrong. As an apology, here’s a discount code for your next order: {{discountCode}}",
    },
    loyalty_reward: {
      subject: "A little thank-you from {{shopName}}",
      preheader: "A discount is waiting for your next order.",
      body:
        "Hello {{customerName}},\n\n" +
        "Thank you for shopping with {{shopName}} – it’s always lovely to see you again.\n\n" +
        "Thank you as well for your order {{orderName}}.\n\n" +
        "You’ve reached a new loyalty level: {{tierName}}.\n\n" +
        "As a thank-you, you get {{discountPercent}} off your next order with this code: {{discountCode}}\n\n" +
        "The code is valid until {{discountExpires}}.\n\n" +
        "We look forward to seeing you again!",
    },
    loyalty_tier: {
      subject: "{{discountPercent}} off your next orders at {{shopName}}",
      preheader: "Your new loyalty level: {{tierName}}. No code needed.",
      body:
        "Hello {{customerName}},\n\n" +
        "Thank you for your order {{orderName}}, and for shopping with {{shopName}} again.\n\n" +
        "You’ve reached a new loyalty level: {{tierName}}. That means {{discountPercent}} off your next orders.\n\n" +
        "There’s no code to remember: sign in to your account with this email address when you check out, and the discount is taken off automatically.\n\n" +
        "We look forward to seeing you again!",
    },
    thank_you: {
      subject: "A big thank-you from {{shopName}}",
      preheader: "A few words about your order.",
      body:
        "Hello {{customerName}},\n\n" +
        "Thank you for your order {{orderName}}. It means a lot to all of us at {{shopName}}.\n\n" +
        "{{thankYouNote}}\n\n" +
        "We’ve also added a small gift to your order: {{giftDescription}}\n\n" +
        "We hope you enjoy everything, and we’d love to see you again soon.",
    },
  },
  labels: {
    order: "Order",
    orderDate: "Order date",
    total: "Total",
    trackingNumber: "Tracking number",
    carrier: "Carrier",
    expectedDelivery: "Expected delivery",
    discountCode: "Discount code",
    returnNumber: "Return number",
    contactHeading: "Questions? We’re happy to help",
    phone: "Phone",
    email: "Email",
    address: "Address",
    responseTime: "We usually reply within {{hours}} hours.",
    whyReceived: "You’re receiving this email because you ordered from {{shopName}}.",
    unsubscribe: "Unsubscribe",
  },
  pages: {
    confirm: {
      title: "Confirm your order",
      intro: "{{orderName}}: please check your order and delivery address.",
      confirmButton: "Confirm my order",
      correctHeading: "Address not right?",
      correctHint: "Enter the correct address below and we’ll send your order there.",
      address1: "Street and house number",
      address2: "Flat, building, floor (optional)",
      city: "Town or city",
      zip: "Postcode",
      country: "Country",
      phone: "Phone",
      note: "Note for the delivery (optional)",
      submitCorrection: "Save the new address",
      confirmed: "Thank you! Your order is confirmed.",
      corrected: "Thank you! We’ve updated your address and will send your order there.",
    },
    checkIn: {
      title: "Did your order arrive safely?",
      question: "Did your order {{orderName}} arrive safely?",
      arrivedWell: "Yes, all good",
      problem: "There’s a problem",
      thanksGood: "Thank you! We’re glad everything arrived safely.",
      thanksProblem: "We’re sorry to hear that. Tell us what happened and we’ll put it right.",
    },
    problem: {
      title: "What went wrong?",
      intro: "We’re sorry something isn’t right with your order. Tell us what happened and we’ll get back to you as soon as we can.",
      describe: "What happened? (e.g. an item is damaged, missing or the wrong size)",
      submit: "Send",
      thanks: "Thank you for letting us know. We’ll be in touch soon.",
      returnLink: "Request a return",
    },
    unsubscribe: {
      title: "Unsubscribe",
      done: "{{email}} will no longer receive promotional emails from {{shopName}}.",
      transactionalNote: "You’ll still receive emails about your orders, such as dispatch and delivery updates.",
    },
    errors: {
      expired: "This link has expired. If you need help, please get in touch.",
      used: "This link has already been used.",
      invalid: "This link isn’t valid. Please check that you copied the whole link.",
      generic: "Something went wrong on our side. Please try again in a moment.",
    },
    contactUs: "Contact us",
  },
};
