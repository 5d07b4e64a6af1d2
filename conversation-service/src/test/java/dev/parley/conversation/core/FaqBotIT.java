package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ERIN_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.faq.application.FaqStore;
import dev.parley.conversation.faq.domain.BotReplies;
import dev.parley.conversation.faq.domain.FaqEntry;
import dev.parley.conversation.faq.domain.RankedEntry;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.reading.application.ReadingConversations;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The FAQ bot on a realistic shop FAQ (globex has its bot on). */
class FaqBotIT extends CoreTestBase {

    /** question | answer | keywords (space separated), as a shop's support team would write them. */
    private static final String[][] SHOP_FAQ = {
            {"How long does shipping take?", "Orders arrive in 2 to 4 working days.", "delivery deliver arrive days when"},
            {"How much does shipping cost?", "Shipping is free above 50 euros, otherwise 4.95.", "fee free price postage"},
            {"Do you ship internationally?", "We deliver to every EU country, the UK and Canada.", "abroad countries worldwide international"},
            {"How can I track my order?", "Use the tracking link in your shipping email.", "tracking parcel where status"},
            {"What is your return policy?", "You can return any item within 30 days.", "returns return send back"},
            {"When will I get my refund?", "Refunds reach your account within 5 days of us receiving the return.", "money back refund reimbursed"},
            {"Can I exchange an item for a different size?", "Yes, request an exchange from your account.", "swap size bigger smaller exchange"},
            {"How do I cancel my order?", "Orders can be cancelled until they ship.", "cancel cancellation"},
            {"Can I change my delivery address?", "Change it from your account before the order ships.", "address wrong address"},
            {"Which payment methods do you accept?", "Cards, PayPal and bank transfer.", "pay paypal card visa mastercard"},
            {"Why was my payment declined?", "Check your card limit or try another card.", "declined failed payment card"},
            {"How do I get an invoice?", "Invoices are in your account under Orders.", "receipt vat bill invoice company"},
            {"How do I use a discount code?", "Enter the code at checkout.", "coupon promo voucher code"},
            {"Do you sell gift cards?", "Yes, from 10 to 200 euros.", "gift voucher present"},
            {"How do I create an account?", "Click Sign up at the top of the page.", "sign signup register account"},
            {"I forgot my password", "Use Forgot password on the login page.", "reset login log password"},
            {"How do I delete my account?", "Ask us and we delete it within 30 days.", "remove close account gdpr delete"},
            {"How do I unsubscribe from the newsletter?", "Use the link at the bottom of any newsletter.", "emails marketing unsubscribe"},
            {"Where can I find the size guide?", "Every product page links the size guide.", "sizing fit measurements"},
            {"When will an item be back in stock?", "Sign up for a restock alert on the product page.", "sold out restock available stock"},
            {"My item arrived damaged", "Sorry! Send us a photo and we replace it.", "broken defective damaged"},
            {"I received the wrong item", "We will send the right one and collect the wrong one.", "incorrect mistake wrong"},
            {"My package never arrived", "We will open an investigation with the carrier.", "lost missing package"},
            {"What warranty do your products have?", "Two years on every product.", "guarantee repair warranty"},
            {"Do you have physical stores?", "We are online only.", "shop visit store"},
            {"What are your customer service hours?", "Monday to Friday, 9:00 to 18:00.", "open opening hours support"},
            {"Can I call you?", "Yes: +31 20 123 4567.", "phone telephone number call"},
            {"Do you offer price matching?", "We match any lower price from an EU shop.", "cheaper lower price match"},
            {"Do you have a student discount?", "Students get 10% with a valid student card.", "student students university"},
            {"Are your products sustainable?", "Most are made from recycled materials.", "eco environment recycled sustainable"},
            {"How should I wash my clothes?", "Follow the care label; most items wash at 30 degrees.", "care washing wash"},
            {"Can I pre-order new collections?", "Yes, pre-orders open a week before launch.", "preorder reserve collection"},
    };

    private static boolean faqSeeded;

    @Autowired
    private FaqStore faq;
    @Autowired
    private ReadingConversations reading;

    private final BotReplies replies = new BotReplies(0.5, 2);

    @BeforeEach
    void seedTheShopFaq() {
        if (faqSeeded) {
            return;
        }
        IntStream.range(0, SHOP_FAQ.length).forEach(i -> faq.save(new FaqEntry(UUID.randomUUID(), GLOBEX, SHOP_FAQ[i][0],
                SHOP_FAQ[i][1], List.of(SHOP_FAQ[i][2].split(" ")), i, true), Instant.now()).block(PATIENCE));
        faqSeeded = true;
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            how long will delivery take to arrive         | How long does shipping take?
            is shipping free                              | How much does shipping cost?
            do you deliver to canada or other countries   | Do you ship internationally?
            where is my parcel, I want to track it        | How can I track my order?
            what's your returns policy                    | What is your return policy?
            I still haven't received my money back        | When will I get my refund?
            can I swap my jacket for a bigger size        | Can I exchange an item for a different size?
            please cancel my order                        | How do I cancel my order?
            I entered the wrong delivery address          | Can I change my delivery address?
            can I pay with paypal                         | Which payment methods do you accept?
            my card was declined                          | Why was my payment declined?
            I need an invoice for my company              | How do I get an invoice?
            my promo code doesn't work                    | How do I use a discount code?
            forgot password, can't log in                 | I forgot my password
            the item arrived broken                       | My item arrived damaged
            my package is lost                            | My package never arrived
            what are your opening hours                   | What are your customer service hours?
            what's your phone number                      | Can I call you?
            is there a student discount                   | Do you have a student discount?
            how do I wash this sweater                    | How should I wash my clothes?
            """)
    void theBotAnswersWithTheRightEntry(String customerSays, String expectedQuestion) {
        List<RankedEntry> ranked = faq.search(GLOBEX, customerSays, 3).collectList().block(PATIENCE);

        BotReplies.BotReply reply = replies.replyTo(ranked);

        assertThat(reply.answered()).as("ranked: %s", describe(ranked)).isNotNull();
        assertThat(reply.answered().question()).as("ranked: %s", describe(ranked)).isEqualTo(expectedQuestion);
        assertThat(reply.quickReplies()).last().isEqualTo(BotReplies.TALK_TO_AGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is the meaning of life", "hello", "asdfgh qwerty", "do you like jazz music",
            "tell me about your company history", "I love the colour of your logo", "is it going to rain today"})
    void belowTheThresholdTheBotSaysItIsNotSureAndOffersAnAgent(String customerSays) {
        List<RankedEntry> ranked = faq.search(GLOBEX, customerSays, 3).collectList().block(PATIENCE);

        BotReplies.BotReply reply = replies.replyTo(ranked);

        assertThat(reply.answered()).as("ranked: %s", describe(ranked)).isNull();
        assertThat(reply.text()).isEqualTo(BotReplies.NOT_SURE);
        assertThat(reply.quickReplies()).contains(BotReplies.TALK_TO_AGENT);
    }

    @Test
    void theBotAnswersInTheConversationUntilTheCustomerAsksForAnAgent() {
        Conversation conversation = start(ERIN_CUSTOMER);
        long asked = accepted(send(ERIN_CUSTOMER, conversation.id(), "q-1", "how much is shipping, is it free?")).message().seq();

        List<Message> history = accepted(reading.history(ERIN_CUSTOMER, conversation.id(), null, null, 50).block(PATIENCE)).messages();
        Message answer = history.get(history.size() - 1);
        assertThat(answer.seq()).isEqualTo(asked + 1);
        assertThat(answer.kind().name()).isEqualTo("BOT");
        assertThat(answer.body()).isEqualTo("Shipping is free above 50 euros, otherwise 4.95.");
        assertThat(answer.quickReplies()).last().isEqualTo(BotReplies.TALK_TO_AGENT);

        accepted(apply(ERIN_CUSTOMER, conversation.id(), new LifecycleCommand.TalkToAgent()));
        long afterHandoff = accepted(send(ERIN_CUSTOMER, conversation.id(), "q-2", "how long does shipping take")).message().seq();

        List<Message> later = accepted(reading.history(ERIN_CUSTOMER, conversation.id(), null, null, 50).block(PATIENCE)).messages();
        assertThat(later.get(later.size() - 1).seq()).as("the bot is silent once queued").isEqualTo(afterHandoff);
    }

    private static String describe(List<RankedEntry> ranked) {
        return ranked.stream().map(r -> r.entry().question() + "=" + String.format("%.3f", r.score())).toList().toString();
    }
}
