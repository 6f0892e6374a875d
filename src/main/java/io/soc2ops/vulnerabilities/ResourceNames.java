package io.soc2ops.vulnerabilities;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One name for a resource, whichever source described it, so that Security Hub and
 * Inspector2 name the same item: types as ASFF writes them ({@code AWS_EC2_INSTANCE} from
 * Inspector2 and {@code AWS::EC2::Instance} from OCSF are both {@code AwsEc2Instance}),
 * and an EC2 instance by its ID (ASFF gives its ARN, Inspector2 and OCSF its ID).
 */
final class ResourceNames {

	static final String EC2_INSTANCE = "AwsEc2Instance";

	private static final Pattern INSTANCE_ARN = Pattern
		.compile("arn:aws[a-z-]*:ec2:[a-z0-9-]*:[0-9]*:instance/(i-[0-9a-f]+)");

	private ResourceNames() {
	}

	static String type(String type) {
		String[] parts = type.contains("::") ? type.split("::") : type.split("_");
		if (parts.length < 2) {
			return type;
		}
		var name = new StringBuilder(type.length());
		for (String part : parts) {
			if (part.isEmpty()) {
				continue;
			}
			boolean shouting = part.equals(part.toUpperCase(Locale.ROOT));
			name.append(Character.toUpperCase(part.charAt(0)))
				.append(shouting ? part.substring(1).toLowerCase(Locale.ROOT) : part.substring(1));
		}
		return name.toString();
	}

	static String id(String type, String id) {
		if (type.equals(EC2_INSTANCE)) {
			var arn = INSTANCE_ARN.matcher(id);
			if (arn.matches()) {
				return arn.group(1);
			}
		}
		return id;
	}

}
