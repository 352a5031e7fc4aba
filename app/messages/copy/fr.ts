import type { LocaleCopy } from "./types";

export const fr: LocaleCopy = {
  messages: {
    order_confirmation: {
      subject: "Merci pour votre commande {{orderName}}",
      preheader: "Un petit coup d’œil avant que nous préparions votre colis\u00a0?",
      body:
        "Bonjour {{customerName}},\n\n" +
        "Merci pour votre commande {{orderName}} chez {{shopName}}\u00a0! Avant de préparer votre colis, pourriez-vous prendre un instant pour vérifier que tout est correct\u00a0?\n\n" +
        "Votre commande\u00a0: {{itemsSummary}}\n\n" +
        "Adresse de livraison\u00a0: {{shippingAddress}}\n\n" +
        "Si tout est bon, il vous suffit de confirmer votre commande. Si l’adresse doit être modifiée, vous pourrez la corriger sur la même page.\n\n" +
        "Si le bouton ne fonctionne pas, ouvrez ce lien\u00a0: {{confirmUrl}}",
      action: "Confirmer ma commande",
    },
    dispatch_note: {
      subject: "Votre commande {{orderName}} est en route",
      preheader: "Votre colis est parti. Voici comment le suivre.",
      body:
        "Bonjour {{customerName}},\n\n" +
        "Bonne nouvelle\u00a0: chez {{shopName}}, nous venons d’expédier votre commande {{orderName}}. Elle est en route vers vous.\n\n" +
        "Votre numéro de suivi\u00a0: {{trackingNumber}}\n\n" +
        "Votre colis est acheminé par {{carrier}}.\n\n" +
        "Livraison prévue\u00a0: {{expectedDelivery}}\n\n" +
        "Vous pouvez suivre votre colis grâce au bouton ci-dessous. Une question\u00a0? Vous trouverez nos coordonnées en bas de cet e-mail.\n\n" +
        "Si le bouton ne fonctionne pas, ouvrez ce lien\u00a0: {{trackingUrl}}",
      action: "Suivre mon colis",
    },
    delay_apology: {
      subject: "Votre commande {{orderName}} a du retard, nous en sommes désolés",
      preheader: "Voici la nouvelle date de livraison prévue.",
      body:
        "Bonjour {{customerName}},\n\n" +
        "Nous sommes sincèrement désolés\u00a0: votre commande {{orderName}} chez {{shopName}} arrivera plus tard que prévu.\n\n" +
        "La cause du retard\u00a0: {{delayReason}}\n\n" +
        "Nouvelle date de livraison prévue\u00a0: {{expectedDelivery}}\n\n" +
        "Pour nous faire pardonner, nous ajoutons un petit cadeau à votre commande\u00a0: {{giftDescription}}\n\n" +
        "Et pour votre prochaine commande, voici un code de réduction\u00a0: {{discountCode}}\n\n" +
        "Merci pour votre patience. Pour toute question, vous trouverez nos coordonnées en bas de cet e-mail.",
    },
    delivery_check_in: {
      subject: "Votre commande {{orderName}} est-elle bien arrivée\u00a0?",
      preheader: "Un simple clic suffit pour nous répondre.",
      body:
        "Bonjour {{customerName}},\n\n" +
        "Votre commande {{orderName}} devrait maintenant être entre vos mains. Chez {{shopName}}, nous aimerions savoir si tout est arrivé en bon état.\n\n" +
        "Il vous suffit de cliquer sur l’un des boutons ci-dessous. En cas de souci, nous nous en occupons rapidement.\n\n" +
        "Si les boutons ne fonctionnent pas, ouvrez {{arrivedWellUrl}} (tout va bien) ou {{problemUrl}} (il y a un problème).",
      action: "Oui, tout va bien",
      secondaryAction: "Il y a un problème",
    },
    review_request: {
      subject: "Que pensez-vous de votre commande {{orderName}}\u00a0?",
      preheader: "Votre avis compte beaucoup pour nous.",
      body:
        "Bonjour {{customerName}},\n\n" +
        "Nous espérons que votre commande {{orderName}} vous plaît. Auriez-vous une minute pour nous donner votre avis\u00a0?\n\n" +
        "Quelques mots suffisent\u00a0: ils aident d’autres clients à faire leur choix, et toute l’équipe de {{shopName}} à s’améliorer.\n\n" +
        "Pour vous remercier, voici un code de réduction pour votre prochaine commande\u00a0: {{discountCode}}\n\n" +
        "Si le bouton ne fonctionne pas, ouvrez ce lien\u00a0: {{reviewUrl}}",
      action: "Donner mon avis",
    },
    return_instructions: {
      subject: "Votre retour pour la commande {{orderName}} est accepté",
      preheader: "L’étiquette de retour est jointe à cet e-mail.",
      body:
        "Bonjour {{customerName}},\n\n" +
        "Votre retour {{returnNumber}} pour la commande {{orderName}} a bien été accepté. Voici comment renvoyer votre colis à {{shopName}}.\n\n" +
        "L’étiquette de retour est jointe à cet e-mail. Imprimez-la et collez-la bien en vue sur le colis.\n\n" +
        "Emballez soigneusement les articles, si possible dans leur emballage d’origine, pour qu’ils nous reviennent en bon état.\n\n" +
        "Merci de déposer le colis avant le {{returnDeadline}}.\n\n" +
        "Adresse de retour\u00a0: {{returnAddress}}\n\n" +
        "Nous sommes désolés, l’erreur vient de nous. Pour nous excuser, voici un code de réduction pour votre prochaine commande\u00a0: {{discountCode}}",
    },
    loyalty_reward: {
      subject: "Un petit merci de la part de {{shopName}}",
      preheader: "Une réduction vous attend pour votre prochaine commande.",
      body:
        "Bonjour {{customerName}},\n\n" +
        "Merci de votre fidélité à {{shopName}}\u00a0: c’est toujours un plaisir de vous retrouver.\n\n" +
        "Merci aussi pour votre commande {{orderName}}.\n\n" +
        "Vous avez atteint un nouveau niveau de fidélité\u00a0: {{tierName}}.\n\n" +
        "Pour vous remercier, profitez de {{discountPercent}} de réduction sur votre prochaine commande avec ce code\u00a0: {{discountCode}}\n\n" +
        "Ce code est valable jusqu’au {{discountExpires}}.\n\n" +
        "À très bientôt\u00a0!",
    },
    loyalty_tier: {
      subject: "{{discountPercent}} de réduction sur vos prochaines commandes chez {{shopName}}",
      preheader: "Votre nouveau niveau de fidélité\u00a0: {{tierName}}. Aucun code à saisir.",
      body:
        "Bonjour {{customerName}},\n\n" +
        "Merci pour votre commande {{orderName}} et pour votre fidélité à {{shopName}}.\n\n" +
        "Vous avez atteint un nouveau niveau de fidélité\u00a0: {{tierName}}. Vous bénéficiez ainsi de {{discountPercent}} de réduction sur vos prochaines commandes.\n\n" +
        "Pas de code à retenir\u00a0: connectez-vous à votre compte avec cette adresse e-mail au moment de commander, et la réduction s’applique automatiquement.\n\n" +
        "À très bientôt\u00a0!",
    },
    thank_you: {
      subject: "Un grand merci de la part de {{shopName}}",
      preheader: "Quelques mots à propos de votre commande.",
      body:
        "Bonjour {{customerName}},\n\n" +
        "Merci pour votre commande {{orderName}}. Chez {{shopName}}, cela nous touche beaucoup.\n\n" +
        "{{thankYouNote}}\n\n" +
        "Nous avons aussi ajouté un petit cadeau à votre commande\u00a0: {{giftDescription}}\n\n" +
        "Nous espérons que tout vous plaira et nous serons ravis de vous revoir bientôt.",
    },
  },
  labels: {
    order: "Commande",
    orderDate: "Date de commande",
    total: "Total",
    trackingNumber: "Numéro de suivi",
    carrier: "Transporteur",
    expectedDelivery: "Livraison prévue",
    discountCode: "Code de réduction",
    returnNumber: "Numéro de retour",
    contactHeading: "Une question\u00a0? Nous sommes là pour vous aider",
    phone: "Téléphone",
    email: "E-mail",
    address: "Adresse",
    responseTime: "Nous répondons généralement sous {{hours}}\u00a0heures.",
    whyReceived: "Vous recevez cet e-mail parce que vous avez passé commande chez {{shopName}}.",
    unsubscribe: "Se désinscrire",
  },
  pages: {
    confirm: {
      title: "Confirmer votre commande",
      intro: "{{orderName}}\u00a0: merci de vérifier votre commande et votre adresse de livraison.",
      confirmButton: "Confirmer ma commande",
      correctHeading: "L’adresse n’est pas la bonne\u00a0?",
      correctHint: "Indiquez la bonne adresse ci-dessous et nous y enverrons votre commande.",
      address1: "Numéro et nom de rue",
      address2: "Complément d’adresse (facultatif)",
      city: "Ville",
      zip: "Code postal",
      country: "Pays",
      phone: "Téléphone",
      note: "Instructions pour la livraison (facultatif)",
      submitCorrection: "Enregistrer la nouvelle adresse",
      confirmed: "Merci\u00a0! Votre commande est confirmée.",
      corrected: "Merci\u00a0! Votre adresse a été mise à jour et nous y enverrons votre commande.",
    },
    checkIn: {
      title: "Votre commande est-elle bien arrivée\u00a0?",
      question: "Votre commande {{orderName}} est-elle bien arrivée\u00a0?",
      arrivedWell: "Oui, tout va bien",
      problem: "Il y a un problème",
      thanksGood: "Merci\u00a0! Nous sommes ravis que tout soit bien arrivé.",
      thanksProblem: "Nous en sommes désolés. Dites-nous ce qui s’est passé et nous allons arranger cela.",
    },
    problem: {
      title: "Que s’est-il passé\u00a0?",
      intro: "Nous sommes désolés qu’il y ait un souci avec votre commande. Décrivez-nous le problème et nous reviendrons vers vous au plus vite.",
      describe: "Que s’est-il passé\u00a0? (article abîmé, manquant, mauvaise taille…)",
      submit: "Envoyer",
      thanks: "Merci pour votre message. Nous revenons vers vous très vite.",
      returnLink: "Demander un retour",
    },
    unsubscribe: {
      title: "Désinscription",
      done: "{{email}} ne recevra plus d’e-mails promotionnels de {{shopName}}.",
      transactionalNote: "Vous continuerez à recevoir les e-mails liés à vos commandes, par exemple pour l’expédition et la livraison.",
    },
    errors: {
      expired: "Ce lien a expiré. Si vous avez besoin d’aide, n’hésitez pas à nous contacter.",
      used: "Ce lien a déjà été utilisé.",
      invalid: "Ce lien n’est pas valide. Vérifiez que vous avez bien copié le lien en entier.",
      generic: "Un problème est survenu de notre côté. Veuillez réessayer dans un instant.",
    },
    contactUs: "Nous contacter",
  },
};
