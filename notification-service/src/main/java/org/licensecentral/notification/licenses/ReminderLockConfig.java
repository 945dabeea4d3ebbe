package org.licensecentral.notification.licenses;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every instance of notification-service schedules the daily reminder job (issue 18); ShedLock's
 * lock, a document in the service's {@code shedLock} collection taken with one atomic update, lets
 * one of them run it. Two at once would both find a license whose notice is not yet marked sent and
 * both mail it: the delivery log deduplicates a request only once it is recorded as sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ReminderLockConfig {

    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }
}
