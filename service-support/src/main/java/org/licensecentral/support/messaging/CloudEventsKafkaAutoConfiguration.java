package org.licensecentral.support.messaging;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.kafka.support.KafkaHeaderMapper;

/**
 * CloudEvents on Kafka: the {@link CloudEventsPublisher}, and the binding headers ({@code ce_id},
 * {@code ce_type}, ...) as plain UTF-8 on the wire and as Strings in Spring messages, whoever
 * produced them. Without this the binder's header
 * mapper hands a consumer the raw bytes of a header that a non-Spring producer (the web store)
 * wrote, so deduplication on {@code ce_id} would compare a byte array with a String.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.cloud.stream.function.FunctionConfiguration",
            "org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration",
            "org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration",
        })
@ConditionalOnClass(BinderHeaderMapper.class)
public class CloudEventsKafkaAutoConfiguration {

    static final String[] CLOUD_EVENTS_HEADERS = {
        "ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject", "ce_dataschema",
    };

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamBridge.class)
    CloudEventsPublisher cloudEventsPublisher(StreamBridge streamBridge, Environment environment) {
        // ce_source: /<the service's name>, e.g. /license-service. The acknowledgement timeout is the
        // producer's own delivery timeout (Kafka's default, 2 minutes) with room for the send itself.
        return new CloudEventsPublisher(
                streamBridge,
                "/" + environment.getRequiredProperty("spring.application.name"),
                environment.getProperty(
                        "licensecentral.messaging.acknowledgement-timeout", Duration.class, Duration.ofMinutes(3)));
    }

    /** Every Kafka producer binding hands its sends' futures to the publisher (asynchronous sends). */
    @Bean
    @ConditionalOnMissingBean
    ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> sendFuturesCustomizer() {
        return (handler, destination) -> handler.setFuturesChannel(CloudEventsPublisher.sendFutures());
    }

    // The Kafka binder uses the KafkaHeaderMapper bean of this name when there is one.
    @Bean
    @ConditionalOnMissingBean(name = "kafkaBinderHeaderMapper")
    KafkaHeaderMapper kafkaBinderHeaderMapper() {
        BinderHeaderMapper mapper = new BinderHeaderMapper();
        for (String header : CLOUD_EVENTS_HEADERS) {
            mapper.addRawMappedHeader(header, true);
        }
        // A producer outside Spring Cloud Stream (the store, TopicWriter) writes contentType as the
        // plain bytes of "application/json". Mapped raw, it reaches the function as the String
        // Spring's content type resolver needs; left alone it stays a byte[], which the resolver
        // refuses ("Unknown type for contentType header value") for every consumer whose payload
        // Spring Cloud Function converts or passes on as bytes.
        mapper.addRawMappedHeader("contentType", true);
        return mapper;
    }

    /**
     * Where a service validates (spring-boot-starter-validation), its consumers read typed records
     * with it. A nested class, so that a service without Jakarta Validation never loads a method
     * that names its {@code Validator}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Validator.class)
    static class ReaderConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean({ObjectMapper.class, Validator.class})
        CloudEventReader cloudEventReader(ObjectMapper mapper, Validator validator) {
            return new CloudEventReader(mapper, validator);
        }
    }
}
