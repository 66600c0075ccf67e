package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Writes boolean parameter values in the session's lexical form ({@code 1}/{@code 0} or
 * {@code true}/{@code false}), whatever form the caller gave; other values pass unchanged.
 */
public final class ParameterValueAdapter extends XmlAdapter<ParameterValue, ParameterValue> {
    private final BooleanAdapter booleans;

    public ParameterValueAdapter() {
        this(new BooleanAdapter());
    }

    public ParameterValueAdapter(BooleanAdapter booleans) {
        this.booleans = booleans;
    }

    @Override
    public ParameterValue unmarshal(ParameterValue value) {
        return value;
    }

    @Override
    public ParameterValue marshal(ParameterValue value) {
        if (value == null || XsdType.of(value.type()) != XsdType.BOOLEAN) {
            return value;
        }
        try {
            return new ParameterValue(value.type(), booleans.format(BooleanAdapter.parse(value.text())));
        } catch (IllegalArgumentException notABoolean) {
            // sent as given: the CPE's fault names the parameter, which says more than an error here
            return value;
        }
    }
}
