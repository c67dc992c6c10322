package io.socsim.workloads.deploy;

/** A graph the deployment cannot map: names the node, its operator and the reason. */
public final class DeployException extends IllegalArgumentException {

    public DeployException(String message) {
        super(message);
    }

    static DeployException at(String node, String op, String reason) {
        return new DeployException("node '" + node + "' (" + op + "): " + reason);
    }
}
