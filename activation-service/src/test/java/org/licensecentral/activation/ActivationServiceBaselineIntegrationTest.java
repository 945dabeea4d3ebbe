package org.licensecentral.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.AxonWiring;
import org.licensecentral.testsupport.ServiceBaselineIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class ActivationServiceBaselineIntegrationTest extends ServiceBaselineIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void axonUsesTheServicesDatabaseTransactionsAndObjectMapper() {
        AxonWiring.assertAxonUsesTheServicesInfrastructure(context);
    }

    @Test
    void leaseDeadlinesAreKeptByDbSchedulerInTheServicesDatabase() {
        // db-scheduler 16.7.1 orders itself after a Boot 3 class too: without the reordering there is
        // no Scheduler, and Axon would keep deadlines in memory only.
        assertThat(context.getBeansOfType(Scheduler.class)).hasSize(1);
        assertThat(context.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
    }
}
