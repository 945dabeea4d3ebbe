package org.licensecentral.identity;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts the password encoder's hash comparisons, a bound on the work a request does that holds
 * on any machine, where its time would not (issue 15, finding 4).
 */
public class PasswordComparisons implements BeanPostProcessor {

    private final AtomicInteger count = new AtomicInteger();

    public int count() {
        return count.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof PasswordEncoder encoder)) {
            return bean;
        }
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                count.incrementAndGet();
                return encoder.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return encoder.upgradeEncoding(encoded);
            }
        };
    }
}
