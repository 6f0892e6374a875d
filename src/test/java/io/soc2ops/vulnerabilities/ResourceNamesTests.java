package io.soc2ops.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Security Hub (ASFF, OCSF) and Inspector2 name one resource the same way, so that they
 * make one item.
 */
class ResourceNamesTests {

	@ParameterizedTest
	@CsvSource({ "AWS_EC2_INSTANCE, AwsEc2Instance", "AWS::EC2::Instance, AwsEc2Instance",
			"AwsEc2Instance, AwsEc2Instance", "AWS_ECR_CONTAINER_IMAGE, AwsEcrContainerImage",
			"AWS::Lambda::Function, AwsLambdaFunction", "AWS_LAMBDA_FUNCTION, AwsLambdaFunction",
			"CODE_REPOSITORY, CodeRepository", "Other, Other" })
	void typesAreNamedAsAsffNamesThem(String type, String named) {
		assertThat(ResourceNames.type(type)).isEqualTo(named);
	}

	@ParameterizedTest
	@CsvSource({ "arn:aws:ec2:eu-central-1:123456789012:instance/i-12345678901234567, i-12345678901234567",
			"arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-0abc, i-0abc",
			"i-0abcdef1234567890, i-0abcdef1234567890" })
	void anEc2InstanceIsNamedByItsId(String id, String named) {
		assertThat(ResourceNames.id("AwsEc2Instance", id)).isEqualTo(named);
	}

	@ParameterizedTest
	@CsvSource({
			"AwsLambdaFunction, arn:aws:lambda:us-east-1:123456789012:function:checkout, arn:aws:lambda:us-east-1:123456789012:function:checkout",
			"AwsEcrContainerImage, arn:aws:ecr:us-east-1:123456789012:repository/web/sha256:abc, arn:aws:ecr:us-east-1:123456789012:repository/web/sha256:abc" })
	void otherResourcesKeepTheirId(String type, String id, String named) {
		assertThat(ResourceNames.id(type, id)).isEqualTo(named);
	}

}
