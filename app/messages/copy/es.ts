import type { LocaleCopy } from "./types";

export const es: LocaleCopy = {
  messages: {
    order_confirmation: {
      subject: "Gracias por tu pedido {{orderName}}",
      preheader: "Échale un vistazo antes de que preparemos tu paquete.",
      body:
        "Hola, {{customerName}}:\n\n" +
        "¡Gracias por tu pedido {{orderName}} en {{shopName}}! Antes de preparar tu paquete, ¿puedes comprobar que todo está bien?\n\n" +
        "Tu pedido: {{itemsSummary}}\n\n" +
        "Dirección de envío: {{shippingAddress}}\n\n" +
        "Si todo es correcto, solo tienes que confirmar el pedido. Si hay que cambiar la dirección, puedes corregirla en la misma página.\n\n" +
        "Si el botón no funciona, abre este enlace: {{confirmUrl}}",
      action: "Confirmar mi pedido",
    },
    dispatch_note: {
      subject: "Tu pedido {{orderName}} ya está en camino",
      preheader: "Tu paquete ya ha salido. Así puedes seguirlo.",
      body:
        "Hola, {{customerName}}:\n\n" +
        "¡Buenas noticias! En {{shopName}} ya hemos enviado tu pedido {{orderName}} y está de camino.\n\n" +
        "Número de seguimiento: {{trackingNumber}}\n\n" +
        "Tu paquete viaja con {{carrier}}.\n\n" +
        "Entrega prevista: {{expectedDelivery}}\n\n" +
        "Puedes seguir tu paquete con el botón de abajo. ¿Tienes alguna pregunta? Encontrarás nuestros datos de contacto al final de este correo.\n\n" +
        "Si el botón no funciona, abre este enlace: {{trackingUrl}}",
      action: "Seguir mi paquete",
    },
    delay_apology: {
      subject: "Lo sentimos: tu pedido {{orderName}} llegará con retraso",
      preheader: "Te contamos la nueva fecha de entrega prevista.",
      body:
        "Hola, {{customerName}}:\n\n" +
        "Lo sentimos de verdad: tu pedido {{orderName}} de {{shopName}} va a llegar más tarde de lo que te prometimos.\n\n" +
        "El motivo: {{delayReason}}\n\n" +
        "Nueva fecha de entrega prevista: {{expectedDelivery}}\n\n" +
        "Para compensarte la espera, añadimos a tu pedido un pequeño regalo: {{giftDescription}}\n\n" +
        "Y para tu próximo pedido, aquí tienes un código de descuento: {{discountCode}}\n\n" +
        "Gracias por tu paciencia. Si tienes cualquier pregunta, encontrarás nuestros datos de contacto al final de este correo.",
    },
    delivery_check_in: {
      subject: "¿Ha llegado bien tu pedido {{orderName}}?",
      preheader: "Responder te lleva solo un clic.",
      body:
        "Hola, {{customerName}}:\n\n" +
        "Tu pedido {{orderName}} ya debería estar contigo. En {{shopName}} queremos saber si todo ha llegado en buen estado.\n\n" +
        "Solo tienes que pulsar uno de los botones de abajo. Si algo no está bien, lo solucionaremos cuanto antes.\n\n" +
        "Si los botones no funcionan, abre {{arrivedWellUrl}} (todo bien) o {{problemUrl}} (hay un problema).",
      action: "Sí, todo bien",
      secondaryAction: "Hay un problema",
    },
    review_request: {
      subject: "¿Qué te ha parecido tu pedido {{orderName}}?",
      preheader: "Tu opinión nos ayuda mucho.",
      body:
        "Hola, {{customerName}}:\n\n" +
        "Esperamos que estés disfrutando de tu pedido {{orderName}}. ¿Tienes un minuto para contarnos qué te ha parecido?\n\n" +
        "Con unas pocas palabras basta: tu opinión ayuda a otros clientes a elegir y a {{shopName}} a seguir mejorando.\n\n" +
        "Como agradecimiento, aquí tienes un código de descuento para tu próximo pedido: {{discountCode}}\n\n" +
        "Si el botón no funciona, abre este enlace: {{reviewUrl}}",
      action: "Escribir una reseña",
    },
    return_instructions: {
      subject: "Tu devolución del pedido {{orderName}} está aprobada",
      preheader: "La etiqueta de devolución va adjunta a este correo.",
      body:
        "Hola, {{customerName}}:\n\n" +
        "Hemos aprobado tu devolución {{returnNumber}} del pedido {{orderName}}. Te explicamos cómo enviar el paquete de vuelta a {{shopName}}.\n\n" +
        "La etiqueta de devolución va adjunta a este correo. Imprímela y pégala en un lugar bien visible del paquete.\n\n" +
        "Embala los artículos con cuidado, a ser posible en su embalaje original, para que nos lleguen en buen estado.\n\n" +
        "Entrega el paquete antes del {{returnDeadline}}.\n\n" +
        "Dirección de devolución: {{returnAddress}}\n\n" +
        "Sentimos mucho este error por nuestra parte. Como disculpa, aquí tienes un código de descuento para tu próximo pedido: {{discountCode}}",
    },
    loyalty_reward: {
      subject: "Un detalle de {{shopName}} para ti",
      preheader: "Tienes un descuento esperándote para tu próximo pedido.",
      body:
        "Hola, {{customerName}}:\n\n" +
        "Gracias por confiar en {{shopName}}. Nos encanta verte por aquí.\n\n" +
        "Gracias también por tu pedido {{orderName}}.\n\n" +
        "Has alcanzado un nuevo nivel de fidelidad: {{tierName}}.\n\n" +
        "Como agradecimiento, tienes un {{discountPercent}} de descuento en tu próximo pedido con este código: {{discountCode}}\n\n" +
        "El código es válido hasta el {{discountExpires}}.\n\n" +
        "¡Esperamos verte pronto!",
    },
    loyalty_tier: {
      subject: "{{discountPercent}} de descuento en tus próximos pedidos de {{shopName}}",
      preheader: "Tu nuevo nivel de fidelidad: {{tierName}}. Sin códigos.",
      body:
        "Hola, {{customerName}}:\n\n" +
        "Gracias por tu pedido {{orderName}} y por volver a confiar en {{shopName}}.\n\n" +
        "Has alcanzado un nuevo nivel de fidelidad: {{tierName}}. Eso significa un {{discountPercent}} de descuento en tus próximos pedidos.\n\n" +
        "No necesitas ningún código: inicia sesión en tu cuenta con este correo electrónico al finalizar la compra y el descuento se aplicará automáticamente.\n\n" +
        "¡Esperamos verte pronto!",
    },
    thank_you: {
      subject: "Muchas gracias de parte de {{shopName}}",
      preheader: "Unas palabras sobre tu pedido.",
      body:
        "Hola, {{customerName}}:\n\n" +
        "Gracias por tu pedido {{orderName}}. Para todos en {{shopName}} significa mucho.\n\n" +
        "{{thankYouNote}}\n\n" +
        "Además, hemos añadido un pequeño regalo a tu pedido: {{giftDescription}}\n\n" +
        "Esperamos que lo disfrutes todo y que vuelvas pronto.",
    },
  },
  labels: {
    order: "Pedido",
    orderDate: "Fecha del pedido",
    total: "Total",
    trackingNumber: "Número de seguimiento",
    carrier: "Transportista",
    expectedDelivery: "Entrega prevista",
    discountCode: "Código de descuento",
    returnNumber: "Número de devolución",
    contactHeading: "¿Tienes alguna pregunta? Estamos aquí para ayudarte",
    phone: "Teléfono",
    email: "Correo electrónico",
    address: "Dirección",
    responseTime: "Solemos responder en menos de {{hours}} horas.",
    whyReceived: "Recibes este correo porque has hecho un pedido en {{shopName}}.",
    unsubscribe: "Darme de baja",
  },
  pages: {
    confirm: {
      title: "Confirma tu pedido",
      intro: "{{orderName}}: revisa tu pedido y la dirección de envío.",
      confirmButton: "Confirmar mi pedido",
      correctHeading: "¿La dirección no es correcta?",
      correctHint: "Escribe abajo la dirección correcta y te enviaremos el pedido allí.",
      address1: "Calle y número",
      address2: "Piso, puerta, etc. (opcional)",
      city: "Ciudad",
      zip: "Código postal",
      country: "País",
      phone: "Teléfono",
      note: "Indicaciones para la entrega (opcional)",
      submitCorrection: "Guardar la nueva dirección",
      confirmed: "¡Gracias! Tu pedido está confirmado.",
      corrected: "¡Gracias! Hemos actualizado la dirección y te enviaremos el pedido allí.",
    },
    checkIn: {
      title: "¿Ha llegado bien tu pedido?",
      question: "¿Ha llegado bien tu pedido {{orderName}}?",
      arrivedWell: "Sí, todo bien",
      problem: "Hay un problema",
      thanksGood: "¡Gracias! Nos alegra que todo haya llegado bien.",
      thanksProblem: "Lo sentimos mucho. Cuéntanos qué ha pasado y lo solucionaremos.",
    },
    problem: {
      title: "Cuéntanos qué ha pasado",
      intro: "Sentimos que algo no esté bien con tu pedido. Descríbenos el problema y te responderemos lo antes posible.",
      describe: "¿Qué ha pasado? (artículo dañado, artículo que falta, talla equivocada…)",
      submit: "Enviar",
      thanks: "Gracias por avisarnos. Te responderemos muy pronto.",
      returnLink: "Solicitar una devolución",
    },
    unsubscribe: {
      title: "Darse de baja",
      done: "{{email}} ya no recibirá correos promocionales de {{shopName}}.",
      transactionalNote: "Seguirás recibiendo los correos sobre tus pedidos, como los avisos de envío y entrega.",
    },
    errors: {
      expired: "Este enlace ha caducado. Si necesitas ayuda, escríbenos.",
      used: "Este enlace ya se ha utilizado.",
      invalid: "Este enlace no es válido. Comprueba que lo has copiado completo.",
      generic: "Algo ha fallado por nuestra parte. Vuelve a intentarlo en un momento.",
    },
    contactUs: "Contáctanos",
  },
};
